import { categoryRouter } from '../routers/category';
import { planRouter } from '../routers/plan';
import { productRouter } from '../routers/product';
import { storeRouter } from '../routers/store';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  category: categoryRouter,
  plan: planRouter,
  product: productRouter,
  store: storeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
