import { createTRPCRouter } from '../trpc/init';

export const sellerOrderRouter = createTRPCRouter({});
