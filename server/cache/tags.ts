/**
 * Every cached public read carries tags from here, so a mutation can refresh exactly what it changed:
 *   product edit      → revalidateTag for each of TAGS.forProduct(store.slug, product.slug)
 *   store edit        → TAGS.forStore(store.slug) (and the old slug too when the slug changed)
 * On Amplify Hosting on-demand revalidation is ignored; pages also expire on their timer.
 */
export const TAGS = {
  /** Marketplace home, category landings, category counts and search results. */
  marketplace: 'marketplace',
  /** A store page and every product page of that store (they show the store's name, logo and colour). */
  store: (storeSlug: string) => `store:${storeSlug}`,
  /** One product page. */
  product: (storeSlug: string, productSlug: string) => `product:${storeSlug}:${productSlug}`,

  forStore: (storeSlug: string): string[] => [TAGS.store(storeSlug), TAGS.marketplace],
  forProduct: (storeSlug: string, productSlug: string): string[] => [
    TAGS.product(storeSlug, productSlug),
    TAGS.store(storeSlug),
    TAGS.marketplace,
  ],
};

/** Seconds a cached public page/read may be served before it is rebuilt in the background. */
export const REVALIDATE = {
  marketplace: 300,
  store: 120,
  product: 120,
  search: 60,
} as const;
