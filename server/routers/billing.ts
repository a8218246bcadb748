import { createTRPCRouter } from '../trpc/init';

export const billingRouter = createTRPCRouter({});
