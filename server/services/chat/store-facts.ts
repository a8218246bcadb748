import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { deliveryOptions, orderItems, orders, products, productVariants, stores } from '../../db/schema';
import type { OrderFacts, ProductFacts, StoreFacts } from '../../adapters/llm/types';

/** What the AI layer may state about a store: read fresh from the catalog, the delivery settings and the buyer's orders. */
export type ChatFacts = { store: StoreFacts; products: ProductFacts[]; orders: OrderFacts[] };

/** Checkout takes crypto through Cregis' hosted page; that is the store's one payment method today. */
const PAYMENT_METHODS = ['Pago en línea con criptomonedas (página segura de Cregis)'];

const PRODUCT_LIMIT = 200;

export async function loadChatFacts(opts: { db: DbOrTx; storeId: string; buyerId: string; productId?: string | null; appUrl?: string }): Promise<ChatFacts> {
  const { db, storeId, buyerId } = opts;
  // Four independent reads at once (the CRM customer page and every suggestion wait on this).
  const [[store], delivery, [productRows, variantRows], [orderRows, items]] = await Promise.all([
    db.select({ name: stores.name, slug: stores.slug, currency: stores.currency }).from(stores).where(eq(stores.id, storeId)),
    db
      .select()
      .from(deliveryOptions)
      .where(and(eq(deliveryOptions.storeId, storeId), eq(deliveryOptions.active, true)))
      .orderBy(asc(deliveryOptions.position)),
    // The conversation's product first, then the rest of the active catalogue (most sold first), up to the limit.
    db
      .select({ id: products.id, title: products.title, slug: products.slug, price: products.price, currency: products.currency })
      .from(products)
      .where(and(eq(products.storeId, storeId), eq(products.status, 'active')))
      .orderBy(opts.productId ? sql`(${products.id} = ${opts.productId}) DESC` : asc(products.createdAt), desc(products.salesCount), asc(products.createdAt))
      .limit(PRODUCT_LIMIT)
      .then(async (rows) => {
        const variants = rows.length
          ? await db
              .select({ productId: productVariants.productId, options: productVariants.options, stock: productVariants.stock, reserved: productVariants.reserved, price: productVariants.price })
              .from(productVariants)
              .where(inArray(productVariants.productId, rows.map((p) => p.id)))
              .orderBy(asc(productVariants.position))
          : [];
        return [rows, variants] as const;
      }),
    db
      .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, delivery: orders.delivery, carrier: orders.carrier, trackingNumber: orders.trackingNumber, trackingUrl: orders.trackingUrl, updatedAt: orders.updatedAt })
      .from(orders)
      .where(and(eq(orders.storeId, storeId), eq(orders.buyerUserId, buyerId), ne(orders.status, 'expired')))
      .orderBy(desc(orders.createdAt))
      .limit(10)
      .then(async (rows) => {
        const lines = rows.length
          ? await db.select({ orderId: orderItems.orderId, title: orderItems.title, options: orderItems.options }).from(orderItems).where(inArray(orderItems.orderId, rows.map((o) => o.id)))
          : [];
        return [rows, lines] as const;
      }),
  ]);
  if (!store) throw new Error(`store ${storeId} not found`);
  const byProduct = new Map<string, typeof variantRows>();
  for (const v of variantRows) (byProduct.get(v.productId) ?? byProduct.set(v.productId, []).get(v.productId)!).push(v);
  const base = opts.appUrl?.replace(/\/$/, '');

  return {
    store: {
      name: store.name,
      currency: store.currency,
      deliveryOptions: delivery.map((d) => ({ label: d.label, kind: d.kind, price: d.price, freeOver: d.freeOver, details: d.details || null })),
      paymentMethods: PAYMENT_METHODS,
      returnPolicy: null,
    },
    products: productRows.map((p) => ({
      id: p.id,
      title: p.title,
      price: p.price,
      currency: p.currency,
      // What a buyer can get now: on hand minus what open checkouts hold.
      variants: (byProduct.get(p.id) ?? []).map((v) => ({ options: v.options, stock: Math.max(0, v.stock - v.reserved), price: v.price })),
      url: base ? `${base}/s/${store.slug}/p/${p.slug}` : null,
    })),
    orders: orderRows.map((o) => ({
      number: String(o.number),
      status: o.status === 'expired' ? 'cancelled' : o.status,
      total: o.total,
      currency: o.currency,
      items: items.filter((i) => i.orderId === o.id).map((i) => (Object.keys(i.options ?? {}).length ? `${i.title} (${Object.values(i.options).join(', ')})` : i.title)),
      deliveryLabel: o.delivery?.label ?? null,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      trackingUrl: o.trackingUrl,
      updatedAt: o.updatedAt.toISOString(),
    })),
  };
}
