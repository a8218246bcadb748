import { listCommissionRules, getStoreCommission, setStoreOverride, ZSetStoreOverrideInput, ZStoreCommissionInput } from '../services/commissions/set-store-override';
import { adminProcedure, createTRPCRouter } from '../trpc/init';

export const adminCommerceRouter = createTRPCRouter({
  commissionRules: adminProcedure.query(({ ctx }) => listCommissionRules({ db: ctx.db })),
  storeCommission: adminProcedure.input(ZStoreCommissionInput).query(({ ctx, input }) => getStoreCommission({ db: ctx.db, storeId: input.storeId })),
  setStoreCommission: adminProcedure
    .input(ZSetStoreOverrideInput)
    .mutation(({ ctx, input }) => setStoreOverride({ db: ctx.db, adminId: ctx.user.id, input })),
});
