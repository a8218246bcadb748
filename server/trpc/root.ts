import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
