import { createTRPCRouter } from '../trpc/init';

export const orderRouter = createTRPCRouter({});
