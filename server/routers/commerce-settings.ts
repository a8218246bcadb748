import { createTRPCRouter } from '../trpc/init';

export const commerceSettingsRouter = createTRPCRouter({});
