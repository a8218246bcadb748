import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orderEvents, orders, type Store } from '../../db/schema';
import { queueEmail } from '../outbox/queue-email';
import { sellerOrderEmailData } from './seller-order-email';
import { transitionError } from './order-transition-error';
import { sellerActor } from './seller-order-schemas';

/**
 * fulfilled → delivered, or paid → delivered for a pickup order. Delivery ends the hold on the seller's money:
 * funds_release_at becomes now and the funds-release sweep moves it from pending to available (no ledger entry here,
 * so the movement happens once, in one place).
 */
export async function markDelivered({ db, store, userId, orderId }: { db: Db; store: Store; userId: string; orderId: string }) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(orders)
      .set({
        status: 'delivered',
        deliveredAt: sql`now()`,
        fundsReleaseAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.storeId, store.id),
          or(eq(orders.status, 'fulfilled'), and(eq(orders.status, 'paid'), sql`${orders.delivery}->>'kind' = 'pickup'`)),
        ),
      )
      .returning();
    if (!order) throw await transitionError(tx, store.id, orderId, 'deliver');
    await tx.insert(orderEvents).values({ orderId: order.id, kind: 'delivered', actor: sellerActor(userId), data: {} });
    await queueEmail(tx, {
      to: order.contact.email,
      template: 'order_delivered',
      locale: order.locale,
      data: await sellerOrderEmailData(tx, store, order),
      dedupeKey: `order_delivered:${order.id}`,
    });
    return order;
  });
}
