import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

export type PublicStoreOption = { slug: string; name: string; currency: string; productCount: number };

/** Active stores that have at least one public product, by name — for the search page's store filter. */
export async function listPublicStores({ db, limit = 200 }: { db: DbOrTx; limit?: number }): Promise<PublicStoreOption[]> {
  const rows = (await db.execute(sql`
    SELECT s.slug, s.name, s.currency, count(p.id)::int AS product_count
    FROM stores s JOIN products p ON p.store_id = s.id AND p.status = 'active'
    WHERE s.status = 'active'
    GROUP BY s.id
    ORDER BY s.featured DESC, count(p.id) DESC, s.name
    LIMIT ${limit}
  `)) as unknown as Array<{ slug: string; name: string; currency: string; product_count: number }>;
  return rows
    .map((r) => ({ slug: r.slug, name: r.name, currency: r.currency.trim(), productCount: Number(r.product_count) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'es'));
}
