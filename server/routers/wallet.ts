import { createTRPCRouter } from '../trpc/init';

export const walletRouter = createTRPCRouter({});
