/**
 * What the public catalogue reads return. Plain JSON (dates as ISO strings), because the results are stored
 * by Next's data cache and sent to client islands.
 */

export type ImageRef = { url: string; alt: string; width: number; height: number };

export type ProductCard = {
  id: string;
  slug: string;
  title: string;
  storeSlug: string;
  storeName: string;
  currency: string;
  /** Lowest variant price, minor units. */
  priceMin: number;
  /** Product-level compare-at (minor units) when it is above priceMin. */
  compareAtPrice: number | null;
  inStock: boolean;
  salesCount: number;
  createdAt: string;
  image: ImageRef | null;
};

export type StoreSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  brandColor: string;
  currency: string;
  verified: boolean;
  logo: ImageRef | null;
  whatsapp: string | null;
};

export type CategoryWithCount = {
  id: string;
  slug: string;
  nameEs: string;
  nameEn: string;
  productCount: number;
  image: ImageRef | null;
};

/** Turns a storage key into the URL `next/image` loads (the media adapter's publicUrl). */
export type MediaUrl = (key: string) => string;
