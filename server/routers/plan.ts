import { getPlanUsage } from '../services/plans/get-plan-usage';
import { authedProcedure, createTRPCRouter } from '../trpc/init';

export const planRouter = createTRPCRouter({
  usage: authedProcedure.query(({ ctx }) => getPlanUsage({ db: ctx.db, userId: ctx.user.id })),
});
