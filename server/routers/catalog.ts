import { getMediaStorage } from '../adapters/media';
import { getLiveOffers } from '../services/catalog/get-live-offers';
import { listCategories } from '../services/catalog/list-categories';
import { ZLiveOffersInput, ZSearchProductsInput } from '../services/catalog/schemas';
import { searchMarketplace } from '../services/catalog/search-products';
import { createTRPCRouter, publicProcedure } from '../trpc/init';

const mediaUrl = (key: string) => getMediaStorage().publicUrl(key);

/** Public buyer-side catalogue. Pages read through server/cache/catalog.ts; these serve client islands and apps. */
export const catalogRouter = createTRPCRouter({
  search: publicProcedure.input(ZSearchProductsInput).query(({ ctx, input }) => searchMarketplace({ db: ctx.db, input, mediaUrl })),
  /** Exact price and availability per variant; never cached. */
  liveOffers: publicProcedure.input(ZLiveOffersInput).query(({ ctx, input }) => getLiveOffers({ db: ctx.db, input })),
  categories: publicProcedure.query(({ ctx }) => listCategories({ db: ctx.db, mediaUrl })),
});
