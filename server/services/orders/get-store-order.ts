import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderEvents, orderItems, orders, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { sellerNet } from './refund-order';

/** One order of this store with items, timeline and what the seller keeps. NOT_FOUND for any other store's order. */
export async function getStoreOrder({ db, store, orderId }: { db: DbOrTx; store: Store; orderId: string }) {
  const [row] = await db
    .select({ order: orders, checkoutStatus: checkouts.status })
    .from(orders)
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .where(and(eq(orders.id, orderId), eq(orders.storeId, store.id)));
  if (!row) throw new AppError('NOT_FOUND', { key: 'notFound.order' });
  const [items, events] = await Promise.all([
    db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.title), asc(orderItems.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.at), asc(orderEvents.id)),
  ]);
  const o = row.order;
  // What reaches the seller: the total less the commission, less refunds net of the commission they give back.
  return { ...o, checkoutStatus: row.checkoutStatus, items, events, net: sellerNet(o) };
}
