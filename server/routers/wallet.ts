import { listPayouts, requestPayout, ZListPayoutsInput, ZRequestPayoutInput } from '../services/payouts/request-payout';
import { getWallet } from '../services/wallet/get-wallet';
import { ZGetWalletInput } from '../services/wallet/schemas';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

export const walletRouter = createTRPCRouter({
  get: sellerProcedure.input(ZGetWalletInput).query(({ ctx, input }) => getWallet({ db: ctx.db, store: ctx.store, input })),

  requestPayout: sellerProcedure
    .input(ZRequestPayoutInput)
    .mutation(({ ctx, input }) => requestPayout({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),
  listPayouts: sellerProcedure
    .input(ZListPayoutsInput)
    .query(({ ctx, input }) => listPayouts({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),
});
