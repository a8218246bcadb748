import { z } from 'zod';
import { setUserLocale } from '../services/identity/set-locale';
import { authedProcedure, createTRPCRouter } from '../trpc/init';

export const accountRouter = createTRPCRouter({
  /** Called by the language switch when signed in, so emails and pushes follow the chosen language. */
  setLocale: authedProcedure.input(z.object({ locale: z.enum(['es', 'en']) })).mutation(({ ctx, input }) => setUserLocale(ctx.db, ctx.user.id, input.locale)),
});
