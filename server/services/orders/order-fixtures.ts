import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orderItems, orders, productVariants, products, stockReservations, type OrderDelivery, type OrderStatus } from '../../db/schema';

/**
 * Test and demo data only: writes an order as the checkout would leave it (checkout row, items, and for a pending
 * order its stock reservations), so the seller's side can be exercised before and independently of the checkout.
 */
export async function insertOrderFixture(
  db: DbOrTx,
  opts: {
    storeId: string;
    currency: string;
    status?: OrderStatus;
    lines: { variantId: string; qty: number }[];
    buyer?: { name: string; email: string; phone?: string };
    delivery?: Omit<OrderDelivery, 'optionId'> & { optionId?: string };
    commissionBps?: number;
    createdAt?: Date;
  },
) {
  const status = opts.status ?? 'paid';
  const variants = await Promise.all(
    opts.lines.map(async (l) => {
      const [v] = await db
        .select({ id: productVariants.id, productId: products.id, title: products.title, options: productVariants.options, sku: productVariants.sku, price: sql<number>`coalesce(${productVariants.price}, ${products.price})`.mapWith(Number) })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(eq(productVariants.id, l.variantId));
      if (!v) throw new Error(`variant ${l.variantId} not found`);
      return { ...v, qty: l.qty };
    }),
  );
  const subtotal = variants.reduce((s, v) => s + v.price * v.qty, 0);
  const delivery: OrderDelivery = {
    optionId: opts.delivery?.optionId ?? crypto.randomUUID(),
    kind: opts.delivery?.kind ?? 'flat_rate',
    label: opts.delivery?.label ?? 'Envío a domicilio',
    details: opts.delivery?.details ?? '',
    price: opts.delivery?.price ?? 1000,
  };
  const total = subtotal + delivery.price;
  const commission = Math.round((total * (opts.commissionBps ?? 500)) / 10_000);
  const createdAt = opts.createdAt ?? new Date();
  const paid = status !== 'pending_payment' && status !== 'expired' && status !== 'cancelled';
  const buyer = opts.buyer ?? { name: 'María Quispe', email: `maria-${crypto.randomUUID().slice(0, 6)}@prueba.vita`, phone: '+51 987 654 321' };
  const [checkout] = await db
    .insert(checkouts)
    .values({
      email: buyer.email,
      amount: total,
      currency: opts.currency,
      paidAmount: paid ? total : 0,
      provider: 'cregis',
      status: paid ? 'paid' : status === 'pending_payment' ? 'pending' : 'expired',
      expiresAt: new Date(createdAt.getTime() + 30 * 60_000),
      accessToken: crypto.randomBytes(24).toString('hex'),
      paidAt: paid ? createdAt : null,
      createdAt,
    })
    .returning();
  const [order] = await db
    .insert(orders)
    .values({
      storeId: opts.storeId,
      checkoutId: checkout!.id,
      contact: buyer,
      status,
      currency: opts.currency,
      subtotal,
      shippingFee: delivery.price,
      total,
      commission: paid ? commission : 0,
      delivery,
      shippingAddress:
        delivery.kind === 'pickup' ? null : { line1: 'Av. Larco 345, dpto. 402', city: 'Miraflores', region: 'Lima', country: 'PE', notes: 'Tocar el timbre' },
      paidAt: paid ? createdAt : null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  await db.insert(orderItems).values(
    variants.map((v) => ({
      orderId: order!.id,
      productId: v.productId,
      variantId: v.id,
      title: v.title,
      options: v.options,
      sku: v.sku,
      unitPrice: v.price,
      qty: v.qty,
      lineTotal: v.price * v.qty,
    })),
  );
  if (status === 'pending_payment') {
    for (const v of variants) {
      await db.update(productVariants).set({ reserved: sql`${productVariants.reserved} + ${v.qty}` }).where(eq(productVariants.id, v.id));
      await db.insert(stockReservations).values({ variantId: v.id, orderId: order!.id, qty: v.qty, expiresAt: checkout!.expiresAt });
    }
  }
  return order!;
}
