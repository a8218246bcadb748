import { createTRPCRouter } from '../trpc/init';

export const checkoutRouter = createTRPCRouter({});
