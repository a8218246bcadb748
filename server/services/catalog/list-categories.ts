import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstImage, imageRef } from './cards';
import type { CategoryWithCount, MediaUrl } from './types';

/**
 * Categories in display order with how many public products each has, and a representative photo (the
 * best-selling product's first photo). Empty categories are included; callers decide whether to show them.
 */
export async function listCategories({ db, mediaUrl }: { db: DbOrTx; mediaUrl: MediaUrl }): Promise<CategoryWithCount[]> {
  const rows = (await db.execute(sql`
    SELECT c.id, c.slug, c.name_es, c.name_en, coalesce(n.cnt, 0)::int AS product_count, img.*
    FROM categories c
    LEFT JOIN LATERAL (
      SELECT count(*) AS cnt FROM products p JOIN stores s ON s.id = p.store_id
      WHERE p.category_id = c.id AND p.status = 'active' AND s.status = 'active'
    ) n ON true
    LEFT JOIN LATERAL (
      SELECT p.id AS top_id FROM products p JOIN stores s ON s.id = p.store_id
      WHERE p.category_id = c.id AND p.status = 'active' AND s.status = 'active'
        AND EXISTS (SELECT 1 FROM product_images pi WHERE pi.product_id = p.id)
      ORDER BY p.featured DESC, p.sales_count DESC, p.id LIMIT 1
    ) top ON true
    LEFT JOIN LATERAL (${firstImage(sql`top.top_id`)}) img ON true
    WHERE c.parent_id IS NULL
    ORDER BY c.sort_order, c.name_es
  `)) as unknown as Array<{
    id: string;
    slug: string;
    name_es: string;
    name_en: string;
    product_count: number;
    image_key: string | null;
    image_width: number | null;
    image_height: number | null;
    image_alt: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    nameEs: r.name_es,
    nameEn: r.name_en,
    productCount: Number(r.product_count),
    image: imageRef(mediaUrl, r.image_key, r.image_alt || r.name_es, r.image_width, r.image_height),
  }));
}
