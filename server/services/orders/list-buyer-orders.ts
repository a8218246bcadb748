import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { OrderStatus } from '../../db/schema';
import { ZListBuyerOrdersInput, type TListBuyerOrdersInput } from './buyer-order-schemas';

export type BuyerOrderSummary = {
  id: string;
  number: number;
  status: OrderStatus;
  storeName: string;
  storeSlug: string;
  total: number;
  currency: string;
  createdAt: Date;
  itemCount: number;
  firstItemTitle: string | null;
};

/** The signed-in buyer's orders, newest first. Only orders placed with their account (buyer_user_id). */
export async function listBuyerOrders({ db, userId, input }: { db: DbOrTx; userId: string; input: TListBuyerOrdersInput }) {
  const { page, pageSize } = ZListBuyerOrdersInput.parse(input);
  const rows = (await db.execute(sql`
    SELECT o.id, o.number, o.status, o.total, o.currency, o.created_at, s.name AS store_name, s.slug AS store_slug,
      (SELECT coalesce(sum(i.qty), 0)::int FROM order_items i WHERE i.order_id = o.id) AS item_count,
      (SELECT i.title FROM order_items i WHERE i.order_id = o.id ORDER BY i.line_total DESC, i.id LIMIT 1) AS first_item_title,
      count(*) OVER ()::int AS total_count
    FROM orders o JOIN stores s ON s.id = o.store_id
    WHERE o.buyer_user_id = ${userId}
    ORDER BY o.created_at DESC, o.number DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
  `)) as unknown as Array<{
    id: string;
    number: string | number;
    status: OrderStatus;
    total: string | number;
    currency: string;
    created_at: Date | string;
    store_name: string;
    store_slug: string;
    item_count: number;
    first_item_title: string | null;
    total_count: number;
  }>;
  const total = rows[0]?.total_count ?? (page === 1 ? 0 : await countOrders(db, userId));
  const items: BuyerOrderSummary[] = rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    status: r.status,
    storeName: r.store_name,
    storeSlug: r.store_slug,
    total: Number(r.total),
    currency: r.currency.trim(),
    createdAt: new Date(r.created_at),
    itemCount: Number(r.item_count),
    firstItemTitle: r.first_item_title,
  }));
  return { items, page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

async function countOrders(db: DbOrTx, userId: string): Promise<number> {
  const [row] = (await db.execute(sql`SELECT count(*)::int AS n FROM orders WHERE buyer_user_id = ${userId}`)) as unknown as [{ n: number }];
  return Number(row.n);
}
