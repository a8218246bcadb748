import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { orderItems, orders, type Store } from '../../db/schema';
import { CLOSED_STATUSES, ORDER_STATUSES, ZListStoreOrdersInput, type TListStoreOrdersInput, type TOrderStatus } from './seller-order-schemas';

const OUTER_ORDER_ID = sql.raw('"orders"."id"');

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * The seller's orders: status tab, search (number, buyer name or email), date range, pagination, and how many orders
 * each status has under the same search and dates (for the tab counters).
 */
export async function listStoreOrders({ db, store, input }: { db: DbOrTx; store: Store; input: TListStoreOrdersInput }) {
  const q = ZListStoreOrdersInput.parse(input);
  const base: SQL[] = [eq(orders.storeId, store.id)];
  if (q.from) base.push(gte(orders.createdAt, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) base.push(lt(orders.createdAt, nextDay(q.to)));
  if (q.q) {
    const number = /^#?\s*(\d{1,15})$/.exec(q.q)?.[1];
    const pattern = `%${escapeLike(q.q)}%`;
    const text = or(ilike(sql`${orders.contact}->>'name'`, pattern), ilike(sql`${orders.contact}->>'email'`, pattern))!;
    base.push(number ? or(eq(orders.number, Number(number)), text)! : text);
  }
  const where = [...base];
  if (q.status === 'closed') where.push(inArray(orders.status, [...CLOSED_STATUSES]));
  else if (q.status !== 'all') where.push(eq(orders.status, q.status));

  const [rows, [total], countRows] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        currency: orders.currency,
        total: orders.total,
        commission: orders.commission,
        refundedAmount: orders.refundedAmount,
        buyerName: sql<string>`${orders.contact}->>'name'`,
        buyerEmail: sql<string>`${orders.contact}->>'email'`,
        deliveryKind: sql<'flat_rate' | 'free_over' | 'pickup'>`${orders.delivery}->>'kind'`,
        deliveryLabel: sql<string>`${orders.delivery}->>'label'`,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
        itemCount: sql<number>`(select coalesce(sum(oi.qty), 0)::int from ${orderItems} oi where oi.order_id = ${OUTER_ORDER_ID})`,
        firstItem: sql<string | null>`(select oi.title from ${orderItems} oi where oi.order_id = ${OUTER_ORDER_ID} order by oi.line_total desc, oi.id limit 1)`,
      })
      .from(orders)
      .where(and(...where))
      .orderBy(desc(orders.createdAt), desc(orders.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(orders).where(and(...where)),
    db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(and(...base))
      .groupBy(orders.status),
  ]);
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<TOrderStatus, number>;
  for (const r of countRows) counts[r.status] = r.n;
  return { items: rows, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, counts };
}
