import { asc, eq } from 'drizzle-orm';
import type { MediaStorage } from '../../adapters/media';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderItems, orders, stores } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { renderReceipt } from './render-receipt';

export function receiptKey(storeId: string, orderId: string): string {
  return `receipts/${storeId}/${orderId}.pdf`;
}

/**
 * Renders the PDF receipt of a paid order, stores it under `receipts/<storeId>/<orderId>.pdf` and records the key on
 * the order. Idempotent: an order whose receipt is already stored is left alone; a rerun after a crash between the
 * upload and the update writes the same key again.
 */
export async function generateReceipt({ db, storage, orderId }: { db: DbOrTx; storage: MediaStorage; orderId: string }): Promise<{ key: string; created: boolean }> {
  const [row] = await db
    .select({ order: orders, storeName: stores.name, provider: checkouts.provider, providerRef: checkouts.providerRef })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .where(eq(orders.id, orderId));
  if (!row) throw new AppError('NOT_FOUND', { key: 'notFound.order' });
  const { order } = row;
  if (!order.paidAt) throw new AppError('CONFLICT', { key: 'orders.receiptNotPaid' });

  const key = receiptKey(order.storeId, order.id);
  if (order.receiptKey === key && (await storage.headObject(key))) return { key, created: false };

  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  const pdf = await renderReceipt({
    locale: order.locale === 'en' ? 'en' : 'es',
    storeName: row.storeName,
    orderNumber: order.number,
    placedAt: order.createdAt,
    paidAt: order.paidAt,
    buyer: order.contact,
    delivery: order.delivery,
    shippingAddress: order.shippingAddress,
    items: items.map((i) => ({ title: i.title, options: i.options, sku: i.sku, qty: i.qty, unitPrice: i.unitPrice, lineTotal: i.lineTotal })),
    currency: order.currency,
    subtotal: order.subtotal,
    discount: order.discount,
    couponCode: order.couponCode,
    shippingFee: order.shippingFee,
    total: order.total,
    refundedAmount: order.refundedAmount,
    payment: { provider: row.provider, reference: row.providerRef },
  });
  await storage.putObject(key, pdf, 'application/pdf');
  await db.update(orders).set({ receiptKey: key }).where(eq(orders.id, order.id));
  return { key, created: true };
}
