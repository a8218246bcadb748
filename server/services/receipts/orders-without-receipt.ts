import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { orders } from '../../db/schema';

/** Paid orders whose receipt job never ran (a lost enqueue or a crash), paid before `olderThan`: the sweep re-queues them. */
export async function paidOrdersWithoutReceipt(db: DbOrTx, olderThan: Date, limit = 50): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(inArray(orders.status, ['paid', 'fulfilled', 'delivered']), isNull(orders.receiptKey), lt(orders.paidAt, olderThan)))
    .limit(limit);
  return rows.map((r) => r.id);
}
