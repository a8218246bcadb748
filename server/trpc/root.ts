import { catalogRouter } from '../routers/catalog';
import { categoryRouter } from '../routers/category';
import { mediaRouter } from '../routers/media';
import { planRouter } from '../routers/plan';
import { productRouter } from '../routers/product';
import { storeRouter } from '../routers/store';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  category: categoryRouter,
  media: mediaRouter,
  plan: planRouter,
  product: productRouter,
  store: storeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
