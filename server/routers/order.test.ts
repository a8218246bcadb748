import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkouts, orderEvents, orderItems, orders, productVariants } from '../db/schema';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;

async function storeWithVariant() {
  const seller = callerFor(db, await createTestUser(db));
  const store = await seller.store.create({ name: 'Tejidos Quispe', slug: `pedidos-${Date.now().toString(36)}-${n++}`, currency: 'PEN' });
  const p = await seller.product.create({ storeId: store.id, title: 'Chompa de alpaca', price: 18900, currency: 'PEN', variants: [{ options: {}, stock: 5 }] });
  const [v] = await db.select().from(productVariants).where(eq(productVariants.productId, p.id));
  return { storeId: store.id, productId: p.id, variantId: v!.id };
}

/** An order as the checkout leaves it once paid: checkout, order, one line, and its timeline. */
async function placeOrder(opts: { storeId: string; productId: string; variantId: string; buyerUserId: string | null; createdAt?: Date; receiptKey?: string }) {
  const accessToken = crypto.randomBytes(24).toString('base64url');
  const createdAt = opts.createdAt ?? new Date();
  const [checkout] = await db
    .insert(checkouts)
    .values({ buyerUserId: opts.buyerUserId, email: 'maria@prueba.vita', amount: 38800, currency: 'PEN', paidAmount: 38800, provider: 'cregis', status: 'paid', expiresAt: new Date(Date.now() + 3600_000), accessToken, createdAt })
    .returning();
  const [order] = await db
    .insert(orders)
    .values({
      storeId: opts.storeId,
      checkoutId: checkout!.id,
      buyerUserId: opts.buyerUserId,
      contact: { name: 'María Quispe', email: 'maria@prueba.vita' },
      status: 'paid',
      currency: 'PEN',
      subtotal: 37800,
      shippingFee: 1000,
      total: 38800,
      commission: 1940,
      delivery: { optionId: crypto.randomUUID(), kind: 'flat_rate', label: 'Envío a Lima', details: '2–3 días', price: 1000 },
      shippingAddress: { line1: 'Av. Larco 345', city: 'Miraflores', country: 'PE' },
      receiptKey: opts.receiptKey ?? null,
      createdAt,
    })
    .returning();
  await db.insert(orderItems).values({ orderId: order!.id, productId: opts.productId, variantId: opts.variantId, title: 'Chompa de alpaca', unitPrice: 18900, qty: 2, lineTotal: 37800 });
  await db.insert(orderEvents).values([
    { orderId: order!.id, kind: 'placed', actor: opts.buyerUserId ?? 'guest', data: {}, at: new Date(createdAt.getTime()) },
    { orderId: order!.id, kind: 'paid', actor: 'system', data: { commissionRule: 'free-5' }, at: new Date(createdAt.getTime() + 1000) },
    { orderId: order!.id, kind: 'funds_released', actor: 'system', data: { amount: 36860 }, at: new Date(createdAt.getTime() + 2000) },
  ]);
  return { order: order!, accessToken };
}

describe('buyer orders', () => {
  it('lists only the signed-in buyer’s orders, newest first, with paging', async () => {
    const s = await storeWithVariant();
    const maria = await createTestUser(db);
    const other = await createTestUser(db);
    const older = await placeOrder({ ...s, buyerUserId: maria.id, createdAt: new Date(Date.now() - 86_400_000) });
    const newer = await placeOrder({ ...s, buyerUserId: maria.id });
    await placeOrder({ ...s, buyerUserId: other.id });
    await placeOrder({ ...s, buyerUserId: null });

    const list = await callerFor(db, maria).order.list();
    expect(list.items.map((o) => o.id)).toEqual([newer.order.id, older.order.id]);
    expect(list.items[0]).toMatchObject({ storeName: 'Tejidos Quispe', total: 38800, currency: 'PEN', itemCount: 2, firstItemTitle: 'Chompa de alpaca', status: 'paid' });
    expect(list.total).toBe(2);
    const page2 = await callerFor(db, maria).order.list({ page: 2, pageSize: 1 });
    expect(page2.items.map((o) => o.id)).toEqual([older.order.id]);
    expect(page2.pages).toBe(2);
    const beyond = await callerFor(db, maria).order.list({ page: 5, pageSize: 1 });
    expect(beyond).toMatchObject({ items: [], total: 2 });

    expect((await rejectionOf(callerFor(db, null).order.list())).code).toBe('UNAUTHORIZED');
  });

  it('shows an order to its buyer and answers NOT_FOUND to anyone else', async () => {
    const s = await storeWithVariant();
    const maria = await createTestUser(db);
    const { order, accessToken } = await placeOrder({ ...s, buyerUserId: maria.id, receiptKey: 'receipts/x.pdf' });

    const seen = await callerFor(db, maria).order.get({ orderId: order.id });
    expect(seen).toMatchObject({ number: order.number, total: 38800, store: { name: 'Tejidos Quispe' }, delivery: { kind: 'flat_rate', label: 'Envío a Lima' } });
    expect(seen.items).toMatchObject([{ title: 'Chompa de alpaca', qty: 2, unitPrice: 18900, lineTotal: 37800 }]);
    // The seller-side money event stays off the buyer's timeline, and so do internal data.
    expect(seen.events.map((e) => e.kind)).toEqual(['placed', 'paid']);
    expect(seen.receiptUrl).toBe(`/api/orders/${order.id}/receipt`);
    expect(JSON.stringify(seen)).not.toContain(accessToken);

    const stranger = await createTestUser(db);
    for (const caller of [callerFor(db, stranger), callerFor(db, null)]) {
      const err = await rejectionOf(caller.order.get({ orderId: order.id }));
      expect(err.code).toBe('NOT_FOUND');
      expect(err.message).toBe('Pedido no encontrado.');
    }
    // Unknown id and another user's id look the same.
    expect((await rejectionOf(callerFor(db, stranger).order.get({ orderId: crypto.randomUUID() }))).message).toBe('Pedido no encontrado.');
  });

  it('lets a guest open one order with the checkout’s access token, and only that one', async () => {
    const s = await storeWithVariant();
    const first = await placeOrder({ ...s, buyerUserId: null, receiptKey: 'receipts/y.pdf' });
    const second = await placeOrder({ ...s, buyerUserId: null });

    const guest = callerFor(db, null);
    const seen = await guest.order.get({ orderId: first.order.id, token: first.accessToken });
    expect(seen.id).toBe(first.order.id);
    expect(seen.receiptUrl).toBe(`/api/orders/${first.order.id}/receipt?t=${first.accessToken}`);

    // A token opens only its own checkout's orders; a wrong or truncated token is simply not found.
    for (const token of [second.accessToken, first.accessToken.slice(0, -1) + (first.accessToken.endsWith('A') ? 'B' : 'A'), first.accessToken.slice(0, 20)]) {
      const err = await rejectionOf(guest.order.get({ orderId: first.order.id, token }));
      expect(err.code).toBe('NOT_FOUND');
    }
    const tooShort = await rejectionOf(guest.order.get({ orderId: first.order.id, token: 'abc' }));
    expect(tooShort.code).toBe('BAD_REQUEST');
  });
});
