import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

export type SitemapEntries = {
  stores: Array<{ slug: string; updatedAt: Date }>;
  products: Array<{ storeSlug: string; slug: string; updatedAt: Date }>;
  categories: Array<{ slug: string }>;
};

/** Public URLs for sitemap.xml: active stores, their active products (newest change first), non-empty categories. */
export async function listSitemapEntries({ db, limit = 45_000 }: { db: DbOrTx; limit?: number }): Promise<SitemapEntries> {
  const [stores, products, categories] = await Promise.all([
    db.execute(sql`
      SELECT s.slug, greatest(s.updated_at, max(p.updated_at)) AS updated_at
      FROM stores s JOIN products p ON p.store_id = s.id AND p.status = 'active'
      WHERE s.status = 'active' GROUP BY s.id ORDER BY s.slug LIMIT 5000
    `) as unknown as Promise<Array<{ slug: string; updated_at: Date | string }>>,
    db.execute(sql`
      SELECT s.slug AS store_slug, p.slug, p.updated_at
      FROM products p JOIN stores s ON s.id = p.store_id AND s.status = 'active'
      WHERE p.status = 'active' ORDER BY p.updated_at DESC LIMIT ${limit}
    `) as unknown as Promise<Array<{ store_slug: string; slug: string; updated_at: Date | string }>>,
    db.execute(sql`
      SELECT DISTINCT c.slug FROM categories c JOIN products p ON p.category_id = c.id AND p.status = 'active' ORDER BY c.slug
    `) as unknown as Promise<Array<{ slug: string }>>,
  ]);
  return {
    stores: stores.map((s) => ({ slug: s.slug, updatedAt: new Date(s.updated_at) })),
    products: products.map((p) => ({ storeSlug: p.store_slug, slug: p.slug, updatedAt: new Date(p.updated_at) })),
    categories: categories.map((c) => ({ slug: c.slug })),
  };
}
