import { z } from 'zod';
import { getVerification } from '../services/kyc/get-verification';
import { startVerification, ZStartVerificationInput } from '../services/kyc/start-verification';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

export const kycRouter = createTRPCRouter({
  /** The store's verification standing and attempts (owner only: identity data is the owner's). */
  status: sellerProcedure
    .meta({ permission: 'kyc' })
    .input(z.object({ storeId: z.string().uuid() }))
    .query(({ ctx }) => getVerification({ db: ctx.db, store: ctx.store })),
  /** Opens a DIDIT session (KYC of the owner or KYB of the business) and answers the hosted flow's URL. */
  start: sellerProcedure
    .meta({ permission: 'kyc' })
    .input(ZStartVerificationInput)
    .mutation(({ ctx, input }) => startVerification({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),
});
