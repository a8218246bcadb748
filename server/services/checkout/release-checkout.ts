import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, coupons, orderEvents, orders, productVariants, stockReservations, subscriptions, type Checkout } from '../../db/schema';
import { queueEmail } from '../outbox/queue-email';

/** Gives back every unit a checkout's orders still hold (once: each reservation is settled at most once). */
export async function releaseReservations(db: DbOrTx, orderIds: string[]): Promise<number> {
  if (!orderIds.length) return 0;
  const released = await db
    .update(stockReservations)
    .set({ releasedAt: sql`now()` })
    .where(and(inArray(stockReservations.orderId, orderIds), isNull(stockReservations.consumedAt), isNull(stockReservations.releasedAt)))
    .returning({ variantId: stockReservations.variantId, qty: stockReservations.qty });
  for (const r of released.sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    await db.update(productVariants).set({ reserved: sql`${productVariants.reserved} - ${r.qty}` }).where(eq(productVariants.id, r.variantId));
  }
  return released.length;
}

/**
 * Ends a checkout that will not be paid (its window passed, or the provider could not open it): status `to`
 * (expired / failed), or `review` when some money already arrived; its pending orders expire, their stock and coupon
 * uses come back. Runs once: the status change is conditional on the checkout still being open. Call with the
 * checkout row locked (FOR UPDATE) inside the caller's transaction.
 */
export async function closeUnpaidCheckout(db: DbOrTx, checkout: Checkout, to: 'expired' | 'failed', actor: string): Promise<boolean> {
  const next = checkout.paidAmount > 0 ? 'review' : to;
  const changed = await db
    .update(checkouts)
    .set({
      status: next,
      reviewReason: next === 'review' ? 'Llegó un pago parcial y el plazo terminó sin completarse.' : checkout.reviewReason,
      updatedAt: sql`now()`,
    })
    .where(and(eq(checkouts.id, checkout.id), inArray(checkouts.status, ['pending', 'partially_paid'])))
    .returning({ id: checkouts.id });
  if (!changed.length) return false;

  const expired = await db
    .update(orders)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(and(eq(orders.checkoutId, checkout.id), eq(orders.status, 'pending_payment')))
    .returning({ id: orders.id, number: orders.number, couponId: orders.couponId, contact: orders.contact, locale: orders.locale, total: orders.total, currency: orders.currency });
  await releaseReservations(db, expired.map((o) => o.id));
  for (const o of expired) {
    if (o.couponId) await db.update(coupons).set({ usedCount: sql`greatest(${coupons.usedCount} - 1, 0)` }).where(eq(coupons.id, o.couponId));
    await db.insert(orderEvents).values({ orderId: o.id, kind: 'expired', actor, data: { reason: to } });
    if (to === 'expired') {
      await queueEmail(db, {
        to: o.contact.email,
        template: 'order_expired',
        locale: o.locale,
        dedupeKey: `order_expired:${o.id}`,
        data: { orderId: o.id, number: o.number, total: o.total, currency: o.currency, buyerName: o.contact.name },
      });
    }
  }
  if (checkout.purpose === 'subscription') {
    await db.update(subscriptions).set({ status: 'cancelled' }).where(and(eq(subscriptions.checkoutId, checkout.id), eq(subscriptions.status, 'pending')));
  }
  return true;
}
