import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { getMediaStorage } from '../adapters/media';
import { getDb } from '../db/client';
import { getMarketplaceHome } from '../services/catalog/get-marketplace-home';
import { getProductPage } from '../services/catalog/get-product-page';
import { getStorePage } from '../services/catalog/get-store-page';
import { listCategories } from '../services/catalog/list-categories';
import { listPublicStores } from '../services/catalog/list-public-stores';
import type { TSearchProductsQuery } from '../services/catalog/schemas';
import { searchMarketplace } from '../services/catalog/search-products';
import { REVALIDATE, TAGS } from './tags';

/**
 * Cached, tagged wrappers of the catalogue reads for server components. They take plain arguments (never
 * cookies or headers); `cache()` dedupes the call between generateMetadata and the page within one request.
 */

const mediaUrl = (key: string) => getMediaStorage().publicUrl(key);

export const getMarketplaceHomeCached = cache(() =>
  unstable_cache(() => getMarketplaceHome({ db: getDb(), mediaUrl }), ['catalog', 'home', 'v1'], {
    tags: [TAGS.marketplace],
    revalidate: REVALIDATE.marketplace,
  })(),
);

export const listCategoriesCached = cache(() =>
  unstable_cache(() => listCategories({ db: getDb(), mediaUrl }), ['catalog', 'categories', 'v1'], {
    tags: [TAGS.marketplace],
    revalidate: REVALIDATE.marketplace,
  })(),
);

export const listPublicStoresCached = cache(() =>
  unstable_cache(() => listPublicStores({ db: getDb() }), ['catalog', 'stores', 'v1'], {
    tags: [TAGS.marketplace],
    revalidate: REVALIDATE.marketplace,
  })(),
);

export const getStorePageCached = cache((storeSlug: string, page = 1) =>
  unstable_cache(() => getStorePage({ db: getDb(), input: { store: storeSlug, page, pageSize: 48 }, mediaUrl }), ['catalog', 'store', 'v1', storeSlug, String(page)], {
    tags: [TAGS.store(storeSlug)],
    revalidate: REVALIDATE.store,
  })(),
);

export const getProductPageCached = cache((storeSlug: string, productSlug: string) =>
  unstable_cache(() => getProductPage({ db: getDb(), input: { store: storeSlug, product: productSlug }, mediaUrl }), ['catalog', 'product', 'v1', storeSlug, productSlug], {
    tags: [TAGS.product(storeSlug, productSlug), TAGS.store(storeSlug)],
    revalidate: REVALIDATE.product,
  })(),
);

/** Search results for a parsed query; short-lived, since the page itself is dynamic. */
export const searchProductsCached = cache((query: TSearchProductsQuery) =>
  unstable_cache(() => searchMarketplace({ db: getDb(), input: query, mediaUrl }), ['catalog', 'search', 'v1', JSON.stringify(query)], {
    tags: [TAGS.marketplace, ...(query.store ? [TAGS.store(query.store)] : [])],
    revalidate: REVALIDATE.search,
  })(),
);
