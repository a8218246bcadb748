import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orderEvents, orders, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { queueEmail } from '../outbox/queue-email';
import { sellerOrderEmailData } from './seller-order-email';
import { transitionError } from './order-transition-error';
import { sellerActor, ZFulfillOrderInput, type TFulfillOrderInput } from './seller-order-schemas';

/**
 * paid → fulfilled with the carrier and tracking. The status condition sits in the UPDATE, so of two concurrent clicks
 * exactly one ships the order, writes the timeline entry and queues the buyer's email; the other gets CONFLICT.
 */
export async function fulfillOrder({ db, store, userId, input }: { db: Db; store: Store; userId: string; input: TFulfillOrderInput }) {
  const f = ZFulfillOrderInput.parse(input);
  const carrier = f.carrier === 'Otro' ? f.carrierName!.trim() : f.carrier;
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(orders)
      .set({
        status: 'fulfilled',
        carrier,
        trackingNumber: f.trackingNumber,
        trackingUrl: f.trackingUrl,
        fulfilledAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(orders.id, f.orderId),
          eq(orders.storeId, store.id),
          eq(orders.status, 'paid'),
          sql`${orders.delivery}->>'kind' <> 'pickup'`,
        ),
      )
      .returning();
    if (!order) {
      const [pickup] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.id, f.orderId), eq(orders.storeId, store.id), eq(orders.status, 'paid'), sql`${orders.delivery}->>'kind' = 'pickup'`));
      if (pickup) {
        throw new AppError('CONFLICT', { key: 'orders.pickupNotShippable' });
      }
      throw await transitionError(tx, store.id, f.orderId, 'ship');
    }
    await tx.insert(orderEvents).values({
      orderId: order.id,
      kind: 'fulfilled',
      actor: sellerActor(userId),
      data: { carrier, trackingNumber: f.trackingNumber, trackingUrl: f.trackingUrl },
    });
    await queueEmail(tx, {
      to: order.contact.email,
      template: 'order_shipped',
      locale: order.locale,
      data: {
        ...(await sellerOrderEmailData(tx, store, order)),
        carrier,
        trackingNumber: f.trackingNumber,
        ...(f.trackingUrl ? { trackingUrl: f.trackingUrl } : {}),
      },
      dedupeKey: `order_shipped:${order.id}`,
    });
    return order;
  });
}
