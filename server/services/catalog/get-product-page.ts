import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ProductOption } from '../../db/schema';
import { CARD_COLUMNS, firstImage, imageRef, toCard, toIso, type CardRow } from './cards';
import { findPublicStore } from './get-store-page';
import { ZProductPageInput, type TProductPageInput } from './schemas';
import type { ImageRef, MediaUrl, ProductCard, StoreSummary } from './types';

export type PublicVariant = {
  id: string;
  options: Record<string, string>;
  /** Effective price (variant override or product price), minor units. */
  price: number;
  compareAtPrice: number | null;
  /** Units a buyer can get now (stock − reserved). Exact values come from the live-offer island. */
  available: number;
};

export type ProductPage = {
  store: StoreSummary;
  product: {
    id: string;
    slug: string;
    title: string;
    description: string;
    currency: string;
    priceMin: number;
    compareAtPrice: number | null;
    inStock: boolean;
    options: ProductOption[];
    category: { slug: string; nameEs: string; nameEn: string } | null;
    createdAt: string;
    images: ImageRef[];
    variants: PublicVariant[];
  };
  /** A few other products of the same store. */
  related: ProductCard[];
};

/** Public product page data; null when the store or product is missing, suspended or archived. */
export async function getProductPage({
  db,
  input,
  mediaUrl,
}: {
  db: DbOrTx;
  input: TProductPageInput;
  mediaUrl: MediaUrl;
}): Promise<ProductPage | null> {
  const { store: storeSlug, product: productSlug } = ZProductPageInput.parse(input);
  const store = await findPublicStore({ db, slug: storeSlug, mediaUrl });
  if (!store) return null;
  const [p] = (await db.execute(sql`
    SELECT p.id, p.slug, p.title, p.description, p.currency, p.price, p.compare_at_price, p.price_min, p.stock_total,
      p.options, p.created_at, c.slug AS category_slug, c.name_es AS category_name, c.name_en AS category_name_en
    FROM products p LEFT JOIN categories c ON c.id = p.category_id
    WHERE p.store_id = ${store.id} AND p.slug = ${productSlug} AND p.status = 'active'
  `)) as unknown as Array<{
    id: string;
    slug: string;
    title: string;
    description: string;
    currency: string;
    price: string;
    compare_at_price: string | null;
    price_min: string;
    stock_total: number;
    options: ProductOption[];
    created_at: Date;
    category_slug: string | null;
    category_name: string | null;
    category_name_en: string | null;
  }>;
  if (!p) return null;

  const [images, variants, related] = await Promise.all([
    db.execute(sql`
      SELECT m.key, m.width, m.height, pi.alt FROM product_images pi JOIN media m ON m.id = pi.media_id AND m.status = 'ready'
      WHERE pi.product_id = ${p.id} ORDER BY pi.position, m.created_at
    `) as unknown as Promise<Array<{ key: string; width: number | null; height: number | null; alt: string }>>,
    db.execute(sql`
      SELECT v.id, v.options, v.price, v.compare_at_price, v.stock - v.reserved AS available
      FROM product_variants v WHERE v.product_id = ${p.id} ORDER BY v.position, v.id
    `) as unknown as Promise<Array<{ id: string; options: Record<string, string>; price: string | null; compare_at_price: string | null; available: number }>>,
    db.execute(sql`
      SELECT r.*, img.* FROM (
        SELECT ${CARD_COLUMNS} FROM products p JOIN stores s ON s.id = p.store_id
        WHERE p.store_id = ${store.id} AND p.status = 'active' AND p.id <> ${p.id}
        ORDER BY (p.category_id IS NOT DISTINCT FROM (SELECT category_id FROM products WHERE id = ${p.id})) DESC,
          p.sales_count DESC, p.id
        LIMIT 4
      ) r LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
    `) as unknown as Promise<CardRow[]>,
  ]);

  const basePrice = Number(p.price);
  const baseCompare = p.compare_at_price === null ? null : Number(p.compare_at_price);
  const priceMin = Number(p.price_min);
  return {
    store,
    product: {
      id: p.id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      currency: p.currency.trim(),
      priceMin,
      compareAtPrice: baseCompare !== null && baseCompare > priceMin ? baseCompare : null,
      inStock: p.stock_total > 0,
      options: p.options ?? [],
      category: p.category_slug ? { slug: p.category_slug, nameEs: p.category_name ?? p.category_slug, nameEn: p.category_name_en ?? p.category_name ?? p.category_slug } : null,
      createdAt: toIso(p.created_at),
      images: images.map((i, n) => imageRef(mediaUrl, i.key, i.alt || `${p.title} — foto ${n + 1}`, i.width, i.height)!),
      variants: variants.map((v) => effectiveVariant(v, basePrice, baseCompare)),
    },
    related: related.map((r) => toCard(r, mediaUrl)),
  };
}

/** A variant's own price/compare-at override the product's; a compare-at at or below the price is no saving. */
export function effectiveVariant(
  v: { id: string; options: Record<string, string>; price: string | number | null; compare_at_price: string | number | null; available: number },
  basePrice: number,
  baseCompare: number | null,
): PublicVariant {
  const price = v.price === null ? basePrice : Number(v.price);
  const compare = v.compare_at_price !== null ? Number(v.compare_at_price) : baseCompare;
  return {
    id: v.id,
    options: v.options ?? {},
    price,
    compareAtPrice: compare !== null && compare > price ? compare : null,
    available: Math.max(0, Number(v.available)),
  };
}
