import { assertRecentSignIn } from '../auth/recent-auth';
import { listPayouts, requestPayout, ZListPayoutsInput, ZRequestPayoutInput } from '../services/payouts/request-payout';
import { getWallet } from '../services/wallet/get-wallet';
import { ZGetWalletInput } from '../services/wallet/schemas';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

export const walletRouter = createTRPCRouter({
  get: sellerProcedure.meta({ permission: 'payouts' }).input(ZGetWalletInput).query(({ ctx, input }) => getWallet({ db: ctx.db, store: ctx.store, input })),

  requestPayout: sellerProcedure.meta({ permission: 'payouts' })
    .input(ZRequestPayoutInput)
    .mutation(({ ctx, input }) => {
      // Moving money out needs a sign-in from the last RECENT_AUTH_MINUTES, not just a live session.
      assertRecentSignIn(ctx.user);
      return requestPayout({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input });
    }),
  listPayouts: sellerProcedure.meta({ permission: 'payouts' })
    .input(ZListPayoutsInput)
    .query(({ ctx, input }) => listPayouts({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),
});
