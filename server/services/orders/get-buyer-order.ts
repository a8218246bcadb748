import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderEvents, orderItems, orders, stores, type CheckoutStatus, type OrderDelivery, type OrderStatus, type ShippingAddress } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { firstImage } from '../catalog/cards';
import type { MediaUrl } from '../catalog/types';
import { BUYER_EVENT_KINDS, ZGetBuyerOrderInput, type TGetBuyerOrderInput } from './buyer-order-schemas';
import { accessTokenMatches } from '../../auth/access-token';

export type BuyerOrder = {
  id: string;
  number: number;
  status: OrderStatus;
  checkoutId: string;
  checkoutStatus: CheckoutStatus;
  /** Where to finish paying while the payment is still open; null otherwise. */
  paymentUrl: string | null;
  store: { id: string; name: string; slug: string; whatsapp: string | null };
  contact: { name: string; email: string; phone?: string };
  currency: string;
  subtotal: number;
  discount: number;
  shippingFee: number;
  total: number;
  refundedAmount: number;
  couponCode: string | null;
  delivery: Omit<OrderDelivery, 'optionId'>;
  shippingAddress: ShippingAddress | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** Relative link to the PDF receipt once the receipts job has written it. */
  receiptUrl: string | null;
  createdAt: Date;
  items: { id: string; title: string; options: Record<string, string>; unitPrice: number; qty: number; lineTotal: number; productSlug: string | null; imageUrl: string | null }[];
  events: { kind: (typeof BUYER_EVENT_KINDS)[number]; at: Date }[];
};

/**
 * One order for its buyer: the signed-in user who placed it, or whoever holds the checkout's access token (guests).
 * Anyone else gets NOT_FOUND — never a hint that the order exists.
 */
export async function getBuyerOrder({
  db,
  userId,
  input,
  mediaUrl,
}: {
  db: DbOrTx;
  userId: string | null;
  input: TGetBuyerOrderInput;
  mediaUrl: MediaUrl;
}): Promise<BuyerOrder> {
  const { orderId, token } = ZGetBuyerOrderInput.parse(input);
  const [row] = await db
    .select({
      order: orders,
      checkoutStatus: checkouts.status,
      paymentUrl: checkouts.paymentUrl,
      accessToken: checkouts.accessToken,
      storeId: stores.id,
      storeName: stores.name,
      storeSlug: stores.slug,
      storeWhatsapp: stores.whatsapp,
    })
    .from(orders)
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(eq(orders.id, orderId));
  const owner = row !== undefined && userId !== null && row.order.buyerUserId === userId;
  const tokenOk = row !== undefined && token !== undefined && accessTokenMatches(token, row.accessToken);
  if (!row || !(owner || tokenOk)) throw new AppError('NOT_FOUND', { key: 'notFound.order' });

  const o = row.order;
  const [items, events] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        title: orderItems.title,
        options: orderItems.options,
        unitPrice: orderItems.unitPrice,
        qty: orderItems.qty,
        lineTotal: orderItems.lineTotal,
        productSlug: sql<string | null>`(SELECT p.slug FROM products p WHERE p.id = ${orderItems.productId} AND p.status = 'active')`,
        imageKey: sql<string | null>`(SELECT img.image_key FROM (${firstImage(sql`${orderItems.productId}`)}) img)`,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.title), asc(orderItems.id)),
    db
      .select({ kind: orderEvents.kind, at: orderEvents.at })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), inArray(orderEvents.kind, [...BUYER_EVENT_KINDS])))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id)),
  ]);
  const { optionId: _optionId, ...delivery } = o.delivery;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    checkoutId: o.checkoutId,
    checkoutStatus: row.checkoutStatus,
    paymentUrl: ['pending', 'partially_paid'].includes(row.checkoutStatus) ? row.paymentUrl : null,
    store: { id: row.storeId, name: row.storeName, slug: row.storeSlug, whatsapp: row.storeWhatsapp },
    contact: o.contact,
    currency: o.currency.trim(),
    subtotal: o.subtotal,
    discount: o.discount,
    shippingFee: o.shippingFee,
    total: o.total,
    refundedAmount: o.refundedAmount,
    couponCode: o.couponCode,
    delivery,
    shippingAddress: o.shippingAddress,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    trackingUrl: o.trackingUrl,
    receiptUrl: o.receiptKey ? `/api/orders/${o.id}/receipt${tokenOk && !owner ? `?t=${encodeURIComponent(token!)}` : ''}` : null,
    createdAt: o.createdAt,
    items: items.map(({ imageKey, ...i }) => ({ ...i, imageUrl: imageKey ? mediaUrl(imageKey) : null })),
    events: events as BuyerOrder['events'],
  };
}
