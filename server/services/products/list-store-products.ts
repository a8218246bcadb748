import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { media, productImages, productVariants, products, type Store } from '../../db/schema';
import { ZListStoreProductsInput, type TListStoreProductsInput } from './schemas';

const SORT_COLUMNS = {
  created: products.createdAt,
  updated: products.updatedAt,
  title: products.title,
  price: products.priceMin,
  stock: products.stockTotal,
} as const;

// Drizzle renders a column inside sql`` unqualified; in correlated subqueries it must name the outer table.
const OUTER_PRODUCT_ID = sql.raw('"products"."id"');

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The dashboard's product table: search, status filter, sort, pagination; variants included for inline stock edits. */
export async function listStoreProducts({ db, store, input }: { db: DbOrTx; store: Store; input: TListStoreProductsInput }) {
  const q = ZListStoreProductsInput.parse(input);
  const where: SQL[] = [eq(products.storeId, store.id)];
  if (q.status !== 'all') where.push(eq(products.status, q.status));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(products.title, pattern), ilike(products.slug, pattern), sql`exists (select 1 from ${productVariants} v where v.product_id = ${OUTER_PRODUCT_ID} and v.sku ilike ${pattern})`)!);
  }
  const order = q.dir === 'asc' ? asc(SORT_COLUMNS[q.sort]) : desc(SORT_COLUMNS[q.sort]);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        status: products.status,
        price: products.price,
        priceMin: products.priceMin,
        compareAtPrice: products.compareAtPrice,
        currency: products.currency,
        options: products.options,
        stockTotal: products.stockTotal,
        createdAt: products.createdAt,
        updatedAt: products.updatedAt,
        imageKey: sql<string | null>`(select m.key from ${productImages} pi join ${media} m on m.id = pi.media_id where pi.product_id = ${OUTER_PRODUCT_ID} order by pi.position limit 1)`,
        variants: sql<{ id: string; options: Record<string, string>; stock: number; reserved: number; sku: string | null }[]>`coalesce((select json_agg(json_build_object('id', v.id, 'options', v.options, 'stock', v.stock, 'reserved', v.reserved, 'sku', v.sku) order by v.position) from ${productVariants} v where v.product_id = ${OUTER_PRODUCT_ID}), '[]'::json)`,
      })
      .from(products)
      .where(and(...where))
      .orderBy(order, desc(products.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(products).where(and(...where)),
  ]);
  return { items: rows, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
