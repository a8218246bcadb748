import { sql, type SQL } from 'drizzle-orm';
import { minorUnitDigits } from '../../../components/ui/money';
import type { ImageRef, MediaUrl, ProductCard } from './types';

/**
 * The product-card projection shared by search, store pages and the marketplace home: one row per product with
 * its store and its first ready photo. `from` must expose the product as `p` and its store as `s`.
 */
export const CARD_COLUMNS = sql`p.id, p.slug, p.title, p.currency, p.price_min, p.compare_at_price, p.stock_total,
  p.sales_count, p.created_at, s.slug AS store_slug, s.name AS store_name`;

/** First ready photo (position order) of the product whose id is `productId`; use in a LEFT JOIN LATERAL. */
export function firstImage(productId: SQL): SQL {
  return sql`SELECT m.key AS image_key, m.width AS image_width, m.height AS image_height, pi.alt AS image_alt
    FROM product_images pi JOIN media m ON m.id = pi.media_id AND m.status = 'ready'
    WHERE pi.product_id = ${productId} ORDER BY pi.position LIMIT 1`;
}

/** Products a buyer may see: active, in an active store. */
export const PUBLIC_PRODUCT = sql`p.status = 'active' AND s.status = 'active'`;

export type CardRow = {
  id: string;
  slug: string;
  title: string;
  currency: string;
  price_min: string | number;
  compare_at_price: string | number | null;
  stock_total: number;
  sales_count: number;
  created_at: Date | string;
  store_slug: string;
  store_name: string;
  image_key: string | null;
  image_width: number | null;
  image_height: number | null;
  image_alt: string | null;
};

export function imageRef(
  mediaUrl: MediaUrl,
  key: string | null | undefined,
  alt: string | null | undefined,
  width: number | null | undefined,
  height: number | null | undefined,
): ImageRef | null {
  if (!key) return null;
  return { url: mediaUrl(key), alt: alt ?? '', width: width ?? 800, height: height ?? 800 };
}

export function toIso(d: Date | string): string {
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}

export function toCard(row: CardRow, mediaUrl: MediaUrl): ProductCard {
  const priceMin = Number(row.price_min);
  const compareAt = row.compare_at_price === null ? null : Number(row.compare_at_price);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    storeSlug: row.store_slug,
    storeName: row.store_name,
    currency: row.currency.trim(),
    priceMin,
    compareAtPrice: compareAt !== null && compareAt > priceMin ? compareAt : null,
    inStock: row.stock_total > 0,
    salesCount: row.sales_count,
    createdAt: toIso(row.created_at),
    image: imageRef(mediaUrl, row.image_key, row.image_alt || row.title, row.image_width, row.image_height),
  };
}

const KNOWN_CURRENCIES = ['USD', 'MXN', 'COP', 'PEN', 'ARS', 'CLP', 'BRL', 'GTQ', 'DOP', 'UYU', 'BOB', 'PYG', 'CRC', 'EUR', 'HNL', 'NIO', 'VES'];
const ZERO_DIGIT = KNOWN_CURRENCIES.filter((c) => minorUnitDigits(c) === 0);

/** 10^(minor digits) of p.currency, as SQL: turns a major-unit bound into the stored minor units. */
export function minorScale(currency?: string): SQL {
  if (currency) return sql`${10 ** minorUnitDigits(currency)}::numeric`;
  return sql`(CASE WHEN p.currency IN (${sql.join(
    ZERO_DIGIT.map((c) => sql`${c}`),
    sql`, `,
  )}) THEN 1 ELSE 100 END)::numeric`;
}
