import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderItems, type Order, type Store } from '../../db/schema';

/**
 * The order part of a buyer email sent on a seller's action (shipped, delivered): items and totals so the email
 * stands on its own, and the checkout's access token so a guest buyer's link opens the order.
 */
export async function sellerOrderEmailData(db: DbOrTx, store: Store, order: Order) {
  const [items, [checkout]] = await Promise.all([
    db
      .select({ title: orderItems.title, options: orderItems.options, qty: orderItems.qty, unitPrice: orderItems.unitPrice })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.title), asc(orderItems.id)),
    db.select({ accessToken: checkouts.accessToken, buyerUserId: checkouts.buyerUserId }).from(checkouts).where(eq(checkouts.id, order.checkoutId)),
  ]);
  return {
    orderId: order.id,
    number: order.number,
    storeName: store.name,
    currency: order.currency,
    total: order.total,
    subtotal: order.subtotal,
    discount: order.discount,
    shippingFee: order.shippingFee,
    delivery: { kind: order.delivery.kind, label: order.delivery.label, details: order.delivery.details },
    items,
    buyerName: order.contact.name,
    // Signed-in buyers open their orders with their session; only guests need the token in the link.
    ...(checkout && !checkout.buyerUserId ? { accessToken: checkout.accessToken } : {}),
  };
}
