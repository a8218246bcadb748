import { createTRPCRouter } from '../trpc/init';

export const cartRouter = createTRPCRouter({});
