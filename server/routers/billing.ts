import { z } from 'zod';
import { getBillingStatus, ZBillingStatusInput } from '../services/billing/get-billing-status';
import { startProUpgrade } from '../services/billing/start-pro-upgrade';
import { authedProcedure, createTRPCRouter } from '../trpc/init';

export const billingRouter = createTRPCRouter({
  status: authedProcedure.input(ZBillingStatusInput).query(({ ctx, input }) => getBillingStatus({ db: ctx.db, userId: ctx.user.id, input })),
  upgrade: authedProcedure
    .input(z.object({ locale: z.enum(['es', 'en']).default('es') }).optional())
    .mutation(async ({ ctx, input }) => {
      const { paymentUrl } = await startProUpgrade({ db: ctx.db, userId: ctx.user.id, locale: input?.locale });
      return { paymentUrl };
    }),
});
