import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { CARD_COLUMNS, firstImage, imageRef, toCard, type CardRow } from './cards';
import type { StoreRow } from './get-store-page';
import { listCategories } from './list-categories';
import type { CategoryWithCount, ImageRef, MediaUrl, ProductCard, StoreSummary } from './types';

export type FeaturedStore = StoreSummary & { productCount: number; previews: ImageRef[] };

export type MarketplaceHome = {
  featuredStores: FeaturedStore[];
  featuredProducts: ProductCard[];
  newest: ProductCard[];
  bestsellers: ProductCard[];
  categories: CategoryWithCount[];
};

async function cards(db: DbOrTx, mediaUrl: MediaUrl, where: ReturnType<typeof sql>, order: ReturnType<typeof sql>, limit: number) {
  const rows = (await db.execute(sql`
    SELECT r.*, img.* FROM (
      SELECT ${CARD_COLUMNS}, p.featured FROM products p JOIN stores s ON s.id = p.store_id
      WHERE p.status = 'active' AND s.status = 'active' AND ${where}
      ORDER BY ${order} LIMIT ${limit}
    ) r LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
  `)) as unknown as CardRow[];
  return rows.map((r) => toCard(r, mediaUrl));
}

/**
 * The marketplace front page: featured stores (with three product photos each), featured products, newest
 * arrivals, best sellers and categories with counts. Only active stores and products.
 */
export async function getMarketplaceHome({ db, mediaUrl, limit = 8 }: { db: DbOrTx; mediaUrl: MediaUrl; limit?: number }): Promise<MarketplaceHome> {
  const [storeRows, featuredProducts, newest, bestsellers, categories] = await Promise.all([
    db.execute(sql`
      SELECT s.id, s.slug, s.name, s.description, s.brand_color, s.currency, s.kyc_status, s.whatsapp,
        lm.key AS logo_key, lm.width AS logo_width, lm.height AS logo_height,
        (SELECT count(*)::int FROM products p WHERE p.store_id = s.id AND p.status = 'active') AS product_count,
        (SELECT coalesce(json_agg(json_build_object('key', x.key, 'width', x.width, 'height', x.height, 'alt', x.alt)), '[]')
           FROM (SELECT fi.* FROM products p
                 CROSS JOIN LATERAL (SELECT m.key, m.width, m.height, pi.alt FROM product_images pi
                   JOIN media m ON m.id = pi.media_id AND m.status = 'ready'
                   WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) fi
                 WHERE p.store_id = s.id AND p.status = 'active'
                 ORDER BY p.featured DESC, p.sales_count DESC, p.id LIMIT 3) x) AS previews
      FROM stores s LEFT JOIN media lm ON lm.id = s.logo_media_id AND lm.status = 'ready'
      WHERE s.status = 'active' AND s.featured > 0
      ORDER BY s.featured DESC, s.created_at, s.id
      LIMIT ${limit}
    `) as unknown as Promise<
      Array<
        StoreRow & {
          product_count: number;
          previews: Array<{ key: string; width: number | null; height: number | null; alt: string }>;
        }
      >
    >,
    cards(db, mediaUrl, sql`p.featured > 0`, sql`p.featured DESC, p.sales_count DESC, p.id`, limit),
    cards(db, mediaUrl, sql`true`, sql`p.created_at DESC, p.id`, limit),
    cards(db, mediaUrl, sql`p.stock_total > 0`, sql`p.sales_count DESC, p.id`, limit),
    listCategories({ db, mediaUrl }),
  ]);
  return {
    featuredStores: storeRows.map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      description: s.description,
      brandColor: /^#[0-9a-fA-F]{6}$/.test(s.brand_color) ? s.brand_color : '#7c3aed',
      currency: s.currency.trim(),
      verified: s.kyc_status === 'approved',
      whatsapp: s.whatsapp,
      logo: imageRef(mediaUrl, s.logo_key, `Logo de ${s.name}`, s.logo_width, s.logo_height),
      productCount: Number(s.product_count),
      previews: s.previews.map((p) => imageRef(mediaUrl, p.key, p.alt, p.width, p.height)!),
    })),
    featuredProducts,
    newest,
    bestsellers,
    categories,
  };
}
