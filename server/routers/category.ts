import { listCategories } from '../services/categories/list-categories';
import { createTRPCRouter, publicProcedure } from '../trpc/init';

export const categoryRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => listCategories({ db: ctx.db })),
});
