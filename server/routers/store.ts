import { revalidateStorefront } from '../cache/revalidate';
import { createStore } from '../services/stores/create-store';
import { listMyStores } from '../services/stores/list-my-stores';
import { ZCreateStoreInput, ZSuggestSlugInput, ZUpdateStoreInput } from '../services/stores/schemas';
import { suggestStoreSlug } from '../services/stores/suggest-slug';
import { updateStore } from '../services/stores/update-store';
import { getStoreCounts } from '../services/products/store-counts';
import { authedProcedure, createTRPCRouter, sellerProcedure } from '../trpc/init';
import { z } from 'zod';

export const storeRouter = createTRPCRouter({
  mine: authedProcedure.query(({ ctx }) => listMyStores({ db: ctx.db, userId: ctx.user.id })),

  get: sellerProcedure.meta({ permission: 'store.read' }).input(z.object({ storeId: z.string().uuid() })).query(({ ctx }) => ({ ...ctx.store, role: ctx.membership.role })),

  counts: sellerProcedure.meta({ permission: 'store.read' }).input(z.object({ storeId: z.string().uuid() })).query(({ ctx }) => getStoreCounts({ db: ctx.db, store: ctx.store })),

  suggestSlug: authedProcedure
    .input(ZSuggestSlugInput)
    .query(({ ctx, input }) => suggestStoreSlug({ db: ctx.db, name: input.name, exceptStoreId: input.storeId })),

  create: authedProcedure.input(ZCreateStoreInput).mutation(async ({ ctx, input }) => {
    const store = await createStore({ db: ctx.db, user: ctx.user, input });
    revalidateStorefront({ storeSlug: store.slug });
    return store;
  }),

  update: sellerProcedure.meta({ permission: 'store.write' }).input(ZUpdateStoreInput).mutation(async ({ ctx, input }) => {
    const store = await updateStore({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: store.slug });
    if (store.slug !== ctx.store.slug) revalidateStorefront({ storeSlug: ctx.store.slug });
    return store;
  }),
});
