import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { coupons, orderEvents, orders, productVariants, stockReservations, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { transitionError } from './order-transition-error';
import { sellerActor } from './seller-order-schemas';

/**
 * Cancels an order still waiting for payment and gives its reserved units back. Both steps are conditional (status
 * pending_payment; reservation neither consumed nor released), so a second click, the expiry job or a payment
 * arriving at the same moment cannot release the same units twice. A paid order needs a refund instead.
 */
export async function cancelOrder({ db, store, userId, orderId, reason }: { db: Db; store: Store; userId: string; orderId: string; reason?: string }) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(orders.id, orderId), eq(orders.storeId, store.id), eq(orders.status, 'pending_payment')))
      .returning();
    if (!order) {
      const err = await transitionError(tx, store.id, orderId, 'cancel');
      if (err.code === 'CONFLICT' && err.data?.status === 'paid') {
        throw new AppError('CONFLICT', { key: 'orders.paidCancel', data: err.data });
      }
      throw err;
    }
    const released = await tx
      .update(stockReservations)
      .set({ releasedAt: sql`now()` })
      .where(and(eq(stockReservations.orderId, order.id), isNull(stockReservations.consumedAt), isNull(stockReservations.releasedAt)))
      .returning({ variantId: stockReservations.variantId, qty: stockReservations.qty });
    // Variant rows in id order so two cancellations touching the same variants never deadlock.
    for (const r of [...released].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      await tx
        .update(productVariants)
        .set({ reserved: sql`${productVariants.reserved} - ${r.qty}` })
        .where(eq(productVariants.id, r.variantId));
    }
    // The coupon use this order took at checkout is given back (expiry does the same).
    if (order.couponId) {
      await tx.update(coupons).set({ usedCount: sql`greatest(${coupons.usedCount} - 1, 0)` }).where(eq(coupons.id, order.couponId));
    }
    await tx.insert(orderEvents).values({
      orderId: order.id,
      kind: 'cancelled',
      actor: sellerActor(userId),
      data: { reason: reason ?? null, releasedUnits: released.reduce((s, r) => s + r.qty, 0) },
    });
    return order;
  });
}
