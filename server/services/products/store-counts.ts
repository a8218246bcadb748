import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { products, type Store } from '../../db/schema';

/** Simple figures for the dashboard header. */
export async function getStoreCounts({ db, store }: { db: DbOrTx; store: Store }) {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${products.status} = 'active')::int`,
      archived: sql<number>`count(*) filter (where ${products.status} = 'archived')::int`,
      outOfStock: sql<number>`count(*) filter (where ${products.status} = 'active' and ${products.stockTotal} <= 0)::int`,
      lowStock: sql<number>`count(*) filter (where ${products.status} = 'active' and ${products.stockTotal} between 1 and 3)::int`,
      units: sql<number>`coalesce(sum(${products.stockTotal}) filter (where ${products.status} = 'active'), 0)::int`,
    })
    .from(products)
    .where(and(eq(products.storeId, store.id)));
  return row ?? { active: 0, archived: 0, outOfStock: 0, lowStock: 0, units: 0 };
}
