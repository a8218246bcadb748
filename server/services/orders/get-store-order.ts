import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderEvents, orderItems, orders, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** One order of this store with items, timeline and what the seller keeps. NOT_FOUND for any other store's order. */
export async function getStoreOrder({ db, store, orderId }: { db: DbOrTx; store: Store; orderId: string }) {
  const [row] = await db
    .select({ order: orders, checkoutStatus: checkouts.status, paymentUrl: checkouts.paymentUrl })
    .from(orders)
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .where(and(eq(orders.id, orderId), eq(orders.storeId, store.id)));
  if (!row) throw new AppError('NOT_FOUND', { message: 'Pedido no encontrado.' });
  const [items, events] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.title), asc(orderItems.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.at), asc(orderEvents.id)),
  ]);
  const o = row.order;
  // What reaches the seller: the total less the platform's commission and anything refunded to the buyer.
  const net = Math.max(0, o.total - o.commission - o.refundedAmount);
  return { ...o, checkoutStatus: row.checkoutStatus, items, events, net };
}
