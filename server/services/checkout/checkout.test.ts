/**
 * Checkout → payment → orders → ledger, end to end against the real parts: PostgreSQL, the local Cregis sandbox (its
 * HTTP API, hosted-page actions and signed callbacks), the webhook handler and the payment job.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { newSandboxProject, startCregisSandbox, type CregisSandbox } from '../../../scripts/local/cregis-sandbox';
import {
  cartItems,
  carts,
  checkouts,
  coupons,
  deliveryOptions,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  orderEvents,
  orders,
  outbox,
  paymentEvents,
  productVariants,
  stockReservations,
} from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import type { AppError } from '../../errors/app-error';

const db = testDb();
const checkoutProject = newSandboxProject();
const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-cregis-'));

// The app side of callbacks: the real webhook handler, with its job run inline instead of through the queue.
let failCallbacks = false;
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    if (failCallbacks) {
      res.writeHead(503).end('down');
      return;
    }
    const { handleCregisPaymentCallback } = await import('../../webhooks/cregis');
    const { paymentJobs } = await import('../../jobs/handlers/payments');
    const response = await handleCregisPaymentCallback(
      new Request(`http://127.0.0.1${req.url}`, { method: 'POST', body: Buffer.concat(chunks), headers: { 'content-type': 'application/json' } }),
      { db, enqueue: (async (name: string, data: { eventId: string }) => (name === 'payment.callback' ? paymentJobs['payment.callback'](data as never) : null)) as never },
    );
    res.writeHead(response.status).end(await response.text());
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;

const sandbox: CregisSandbox = await startCregisSandbox({
  port: 0,
  stateFile: path.join(stateDir, 'cregis.json'),
  checkout: checkoutProject,
  payout: newSandboxProject(),
  sweepMs: 500,
});
Object.assign(process.env, {
  DATABASE_URL: inject('databaseUrl'),
  APP_URL: receiverUrl,
  CREGIS_BASE_URL: sandbox.url,
  CREGIS_PID: checkoutProject.pid,
  CREGIS_API_KEY: checkoutProject.apiKey,
});

const { createCheckout } = await import('./create-checkout');
const { applyPaymentUpdate } = await import('../payments/apply-payment-update');
const { expireCheckoutIfDue } = await import('./expire-checkout');
const { releaseDueFunds } = await import('../orders/release-funds');
const { refundOrder } = await import('../orders/refund-order');
const { ownerBalances } = await import('../ledger/post-transaction');

afterAll(async () => {
  await sandbox.stop();
  await new Promise((r) => receiver.close(r));
  await fs.rm(stateDir, { recursive: true, force: true });
});

let n = 0;
async function storeWithProduct(opts: { stock?: number; price?: number; currency?: 'PEN' | 'USD' } = {}) {
  const seller = await createTestUser(db);
  const api = callerFor(db, seller);
  const store = await api.store.create({ name: 'Tienda Ñandú', slug: `tienda-${Date.now().toString(36)}-${n++}`, currency: opts.currency ?? 'PEN' });
  const product = await api.product.create({
    storeId: store.id,
    title: 'Chompa de alpaca',
    price: opts.price ?? 10000,
    currency: opts.currency ?? 'PEN',
    variants: [{ options: {}, stock: opts.stock ?? 10 }],
  });
  const [variant] = await db.select().from(productVariants).where(eq(productVariants.productId, product.id));
  const [shipping, pickup] = await db
    .insert(deliveryOptions)
    .values([
      { storeId: store.id, kind: 'free_over', label: 'Envío a domicilio', price: 1500, freeOver: 30000, position: 0 },
      { storeId: store.id, kind: 'pickup', label: 'Recojo en tienda', details: 'Av. Larco 123, Miraflores', position: 1 },
    ])
    .returning();
  return { seller, api, store, product, variant: variant!, shipping: shipping!, pickup: pickup! };
}

const contact = { name: 'Ana Pérez', email: 'ana@test.vita' };
const address = { line1: 'Jr. Unión 456', city: 'Lima', country: 'PE' };

function checkoutInput(choices: { storeId: string; deliveryOptionId: string; couponCode?: string }[], expectedTotal: number) {
  return { idempotencyKey: crypto.randomUUID(), contact, shippingAddress: address, stores: choices, expectedTotal, locale: 'es' as const };
}

async function variantRow(id: string) {
  const [v] = await db.select().from(productVariants).where(eq(productVariants.id, id));
  return v!;
}

async function sandboxAction(checkoutId: string, action: 'full' | 'partial' | 'over' | 'expire' | 'remain') {
  const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
  const res = await fetch(`${sandbox.url}/checkout/${c!.providerRef}/${action}`, { method: 'POST', redirect: 'manual' });
  expect(res.status).toBe(303);
}

async function sandboxControl(checkoutId: string, op: string, body: Record<string, unknown> = {}) {
  const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
  const res = await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}/${op}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return res.json();
}

async function checkoutRow(id: string) {
  const [c] = await db.select().from(checkouts).where(eq(checkouts.id, id));
  return c!;
}

describe('quote and checkout', () => {
  it('prices per store, applies free-over shipping and coupons, and refuses a stale total without reserving', async () => {
    const a = await storeWithProduct({ price: 12000 });
    await db.insert(coupons).values({ storeId: a.store.id, code: 'BIENVENIDA10', kind: 'percent', value: 10, minAmount: 20000 });
    const buyer = callerFor(db, await createTestUser(db), crypto.randomBytes(16).toString('hex'));
    await buyer.cart.add({ variantId: a.variant.id, qty: 2 });
    const q = await buyer.checkout.quote({ stores: [{ storeId: a.store.id, deliveryOptionId: a.shipping.id, couponCode: 'bienvenida10' }] });
    expect(q.stores[0]).toMatchObject({ subtotal: 24000, discount: 2400, shippingFee: 1500, total: 23100, coupon: { code: 'BIENVENIDA10', discount: 2400 } });

    // The seller raises the price after the buyer saw the total.
    await db.update(productVariants).set({ price: 13000 }).where(eq(productVariants.id, a.variant.id));
    const err = await rejectionOf(buyer.checkout.create(checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.shipping.id, couponCode: 'BIENVENIDA10' }], 23100)));
    expect(err.code).toBe('CONFLICT');
    expect(err.cause?.data?.reason).toBe('PRICE_CHANGED');
    const newQuote = err.cause?.data?.quote as { total: number };
    expect(newQuote.total).toBe(26000 - 2600 + 1500);
    expect((await variantRow(a.variant.id)).reserved).toBe(0);
    expect(await db.select().from(orders).where(eq(orders.storeId, a.store.id))).toEqual([]);
  });

  it('creates one order per store under one payment, reserves stock, empties the cart and opens the sandbox payment', async () => {
    const a = await storeWithProduct({ price: 10000, stock: 5 });
    const b = await storeWithProduct({ price: 5000, stock: 3 });
    const user = await createTestUser(db);
    const buyer = callerFor(db, user, crypto.randomBytes(16).toString('hex'));
    await buyer.cart.add({ variantId: a.variant.id, qty: 2 });
    await buyer.cart.add({ variantId: b.variant.id, qty: 1 });
    const created = await buyer.checkout.create(
      checkoutInput(
        [
          { storeId: a.store.id, deliveryOptionId: a.shipping.id },
          { storeId: b.store.id, deliveryOptionId: b.pickup.id },
        ],
        20000 + 1500 + 5000,
      ),
    );
    expect(created.orderIds).toHaveLength(2);
    expect(created.paymentUrl).toMatch(new RegExp(`^${sandbox.url}/checkout/`));
    expect((await variantRow(a.variant.id)).reserved).toBe(2);
    expect((await variantRow(b.variant.id)).reserved).toBe(1);
    const rows = await db.select().from(orders).where(eq(orders.checkoutId, created.checkoutId)).orderBy(orders.total);
    expect(rows.map((o) => [o.total, o.status, o.shippingAddress === null])).toEqual([
      [5000, 'pending_payment', true],
      [21500, 'pending_payment', false],
    ]);
    const cart = await db.select().from(cartItems).innerJoin(carts, eq(carts.id, cartItems.cartId)).where(eq(carts.userId, user.id));
    expect(cart).toEqual([]);
    const placed = await db.select().from(outbox).where(and(eq(outbox.template, 'order_placed'), eq(outbox.to, contact.email)));
    expect(placed.length).toBeGreaterThanOrEqual(2);
  });

  it('answers the same result for the same idempotency key and CONFLICT for the same key with another body', async () => {
    const a = await storeWithProduct({ stock: 4 });
    const lines = [{ variantId: a.variant.id, qty: 1 }];
    const input = checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.pickup.id }], 10000);
    const [first, second] = await Promise.all([
      createCheckout({ db, buyerUserId: null, cart: { userId: null, cartToken: 'guest-idem' }, input, lines }),
      createCheckout({ db, buyerUserId: null, cart: { userId: null, cartToken: 'guest-idem' }, input, lines }),
    ]);
    expect(second.checkoutId).toBe(first.checkoutId);
    expect(second.paymentUrl).toBe(first.paymentUrl);
    expect((await variantRow(a.variant.id)).reserved).toBe(1);
    const other = createCheckout({ db, buyerUserId: null, cart: { userId: null, cartToken: 'guest-idem' }, input: { ...input, contact: { ...contact, name: 'Otra Persona' } }, lines });
    await expect(other).rejects.toMatchObject({ code: 'CONFLICT', data: { reason: 'IDEMPOTENCY_KEY_REUSED' } });
    expect((await variantRow(a.variant.id)).reserved).toBe(1);
  });

  it('rejects bad input with a typed error and changes nothing', async () => {
    const a = await storeWithProduct({ stock: 2 });
    const buyer = callerFor(db, null, crypto.randomBytes(16).toString('hex'));
    await buyer.cart.add({ variantId: a.variant.id, qty: 1 });
    const bad = await rejectionOf(buyer.checkout.create({ ...checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.shipping.id }], 11500), contact: { name: 'A', email: 'no-es-correo' } }));
    expect(bad.code).toBe('BAD_REQUEST');
    const noAddress = await rejectionOf(buyer.checkout.create({ ...checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.shipping.id }], 11500), shippingAddress: undefined }));
    expect(noAddress.code).toBe('BAD_REQUEST');
    expect(noAddress.cause?.fields?.['shippingAddress.line1']).toMatch(/dirección/);
    const wrongOption = await rejectionOf(buyer.checkout.create(checkoutInput([{ storeId: a.store.id, deliveryOptionId: crypto.randomUUID() }], 11500)));
    expect(wrongOption.cause?.fields?.['stores.0.deliveryOptionId']).toBeDefined();
    expect((await variantRow(a.variant.id)).reserved).toBe(0);
    expect(await db.select().from(orders).where(eq(orders.storeId, a.store.id))).toEqual([]);
  });
});

describe('a process dying mid-checkout', () => {
  it('after the orders committed but before the payment opened: the retry opens it; abandoned, the sweep gives the stock back', async () => {
    const a = await storeWithProduct({ stock: 2 });
    const input = checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.pickup.id }], 10000);
    const lines = [{ variantId: a.variant.id, qty: 1 }];
    const cart = { userId: null, cartToken: crypto.randomUUID() };
    // openPayment: false stands for the process dying right after the transaction committed.
    const crashed = await createCheckout({ db, buyerUserId: null, cart, input, lines, openPayment: false });
    expect((await checkoutRow(crashed.checkoutId)).providerRef).toBeNull();
    const retried = await createCheckout({ db, buyerUserId: null, cart, input, lines });
    expect(retried.checkoutId).toBe(crashed.checkoutId);
    expect(retried.paymentUrl).toMatch(new RegExp(`^${sandbox.url}/checkout/`));
    expect((await variantRow(a.variant.id)).reserved).toBe(1);

    const abandoned = await createCheckout({ db, buyerUserId: null, cart: { userId: null, cartToken: crypto.randomUUID() }, input: { ...input, idempotencyKey: crypto.randomUUID() }, lines, openPayment: false });
    expect((await variantRow(a.variant.id)).reserved).toBe(2);
    const later = new Date(Date.now() + 2 * 3_600_000);
    const { overdueCheckouts } = await import('./expire-checkout');
    expect(await overdueCheckouts({ db, now: later, limit: 10_000 })).toContain(abandoned.checkoutId);
    expect(await expireCheckoutIfDue({ db, checkoutId: abandoned.checkoutId, now: later })).toBe('expired');
    expect((await variantRow(a.variant.id)).reserved).toBe(1);
  });
});

describe('concurrency', () => {
  it('200 concurrent checkouts for 10 units: exactly 10 orders hold stock, 190 get OUT_OF_STOCK, stock never negative', async () => {
    const a = await storeWithProduct({ stock: 10, price: 2500 });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        createCheckout({
          db,
          buyerUserId: null,
          cart: { userId: null, cartToken: `race-${i}` },
          input: checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.pickup.id }], 2500),
          lines: [{ variantId: a.variant.id, qty: 1 }],
          openPayment: false,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(failed).toHaveLength(190);
    for (const f of failed) expect((f.reason as AppError).data?.reason).toBe('OUT_OF_STOCK');
    const v = await variantRow(a.variant.id);
    expect(v).toMatchObject({ stock: 10, reserved: 10 });
    const held = await db.select({ n: sql<number>`sum(${stockReservations.qty})::int` }).from(stockReservations).where(eq(stockReservations.variantId, a.variant.id));
    expect(held[0]!.n).toBe(10);
  }, 120_000);
});

describe('payment through the Cregis sandbox', () => {
  async function paidCheckout(opts: { stock?: number } = {}) {
    const a = await storeWithProduct({ price: 10000, stock: opts.stock ?? 5 });
    const created = await createCheckout({
      db,
      buyerUserId: null,
      cart: { userId: null, cartToken: crypto.randomUUID() },
      input: checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.shipping.id }], 20000 + 1500),
      lines: [{ variantId: a.variant.id, qty: 2 }],
    });
    return { ...a, created };
  }

  it('a full payment marks the order paid once, consumes stock and splits the money in a balanced ledger', async () => {
    const { created, variant, store } = await paidCheckout();
    await sandboxAction(created.checkoutId, 'full');
    expect((await checkoutRow(created.checkoutId)).status).toBe('paid');
    const [order] = await db.select().from(orders).where(eq(orders.checkoutId, created.checkoutId));
    expect(order).toMatchObject({ status: 'paid', total: 21500 });
    // Free plan rule: 5 % + 0.30 → 1075 + 30.
    expect(order!.commission).toBe(1105);
    expect(await variantRow(variant.id)).toMatchObject({ stock: 3, reserved: 0 });
    expect(await ownerBalances(db, { storeId: store.id }, 'PEN')).toMatchObject({ seller_pending: 21500 - 1105 });

    // Cregis console re-pushes (fresh nonce) and a proxy duplicates the same bytes: still one effect.
    await sandboxControl(created.checkoutId, 'resend');
    const dup = (await sandboxControl(created.checkoutId, 'duplicate', { times: 5 })) as { result: { httpStatus: number }[] };
    expect(dup.result.map((d) => d.httpStatus).sort()).toEqual([409, 409, 409, 409, 409]);
    await sandboxControl(created.checkoutId, 'deliver', { events: ['paid_partial', 'expired', 'paid'] });
    expect(await variantRow(variant.id)).toMatchObject({ stock: 3, reserved: 0 });
    const payments = await db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.refId, created.checkoutId)));
    expect(payments.map((p) => p.kind)).toEqual(['payment']);
    const events = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order!.id), eq(orderEvents.kind, 'paid')));
    expect(events).toHaveLength(1);
    // Its receipt job runs in the worker; until it has, the sweep finds the order to queue it again.
    const { paidOrdersWithoutReceipt } = await import('../receipts/orders-without-receipt');
    expect(await paidOrdersWithoutReceipt(db, new Date(Date.now() + 60_000), 100_000)).toContain(order!.id);
    const mails = await db.select({ template: outbox.template }).from(outbox).where(sql`${outbox.data}->>'orderId' = ${order!.id}`);
    expect(mails.map((m) => m.template).sort()).toEqual(['order_paid', 'order_paid_seller', 'order_placed']);
  });

  it('an underpayment holds the money unallocated; expiry then gives the stock back and flags the checkout for review', async () => {
    const { created, variant } = await paidCheckout();
    await sandboxAction(created.checkoutId, 'partial');
    const partial = await checkoutRow(created.checkoutId);
    expect(partial.status).toBe('partially_paid');
    expect(partial.paidAmount).toBeGreaterThan(0);
    expect(partial.paidAmount).toBeLessThan(21500);
    await sandboxAction(created.checkoutId, 'expire');
    const after = await checkoutRow(created.checkoutId);
    expect(after.status).toBe('review');
    expect(await variantRow(variant.id)).toMatchObject({ stock: 5, reserved: 0 });
    const [order] = await db.select().from(orders).where(eq(orders.checkoutId, created.checkoutId));
    expect(order!.status).toBe('expired');
  });

  it('completing an underpaid order (paid_remain) pays it, using the money already held', async () => {
    const { created, store } = await paidCheckout();
    await sandboxAction(created.checkoutId, 'partial');
    await sandboxAction(created.checkoutId, 'remain');
    expect((await checkoutRow(created.checkoutId)).status).toBe('paid');
    const balances = await ownerBalances(db, { storeId: store.id }, 'PEN');
    expect(balances.seller_pending).toBe(21500 - 1105);
  });

  it('an expired payment releases the stock and the coupon use', async () => {
    const a = await storeWithProduct({ stock: 1 });
    const [coupon] = await db.insert(coupons).values({ storeId: a.store.id, code: 'UNICO', kind: 'fixed', value: 500, usageLimit: 1 }).returning();
    const created = await createCheckout({
      db,
      buyerUserId: null,
      cart: { userId: null, cartToken: crypto.randomUUID() },
      input: checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.pickup.id, couponCode: 'UNICO' }], 9500),
      lines: [{ variantId: a.variant.id, qty: 1 }],
    });
    const [used] = await db.select().from(coupons).where(eq(coupons.id, coupon!.id));
    expect(used!.usedCount).toBe(1);
    await sandboxAction(created.checkoutId, 'expire');
    expect((await checkoutRow(created.checkoutId)).status).toBe('expired');
    expect(await variantRow(a.variant.id)).toMatchObject({ stock: 1, reserved: 0 });
    const [back] = await db.select().from(coupons).where(eq(coupons.id, coupon!.id));
    expect(back!.usedCount).toBe(0);
  });

  it('a seller cancelling a pending order gives back its coupon use, and a later payment never marks it paid', async () => {
    const a = await storeWithProduct({ stock: 3 });
    const [coupon] = await db.insert(coupons).values({ storeId: a.store.id, code: 'CANCELA', kind: 'fixed', value: 500, usageLimit: 5 }).returning();
    const created = await createCheckout({
      db,
      buyerUserId: null,
      cart: { userId: null, cartToken: crypto.randomUUID() },
      input: checkoutInput([{ storeId: a.store.id, deliveryOptionId: a.pickup.id, couponCode: 'CANCELA' }], 9500),
      lines: [{ variantId: a.variant.id, qty: 1 }],
    });
    await a.api.sellerOrder.cancel({ storeId: a.store.id, orderId: created.orderIds[0]! });
    const [afterCancel] = await db.select().from(coupons).where(eq(coupons.id, coupon!.id));
    expect(afterCancel!.usedCount).toBe(0);
    expect(await variantRow(a.variant.id)).toMatchObject({ stock: 3, reserved: 0 });
    // The buyer pays anyway: the money is recorded, the cancelled order stays cancelled and no stock is taken.
    await sandboxAction(created.checkoutId, 'full');
    const [order] = await db.select().from(orders).where(eq(orders.id, created.orderIds[0]!));
    expect(order!.status).toBe('cancelled');
    expect(await variantRow(a.variant.id)).toMatchObject({ stock: 3, reserved: 0 });
    expect(await ownerBalances(db, { storeId: a.store.id }, 'PEN')).not.toMatchObject({ seller_pending: expect.any(Number) });
  });

  it('an amount that does not match is flagged for review, never paid', async () => {
    const { created, variant } = await paidCheckout();
    const c = await checkoutRow(created.checkoutId);
    const outcome = await applyPaymentUpdate({
      db,
      provider: 'cregis',
      report: { providerRef: c.providerRef!, state: 'paid', paidAmount: 100, orderAmount: c.amount, currency: 'PEN' },
      source: 'callback',
    });
    expect(outcome.outcome).toBe('review');
    expect((await checkoutRow(created.checkoutId)).status).toBe('review');
    const [order] = await db.select().from(orders).where(eq(orders.checkoutId, created.checkoutId));
    expect(order!.status).toBe('pending_payment');
    expect((await variantRow(variant.id)).stock).toBe(5);
    const wrongCurrency = await paidCheckout();
    const c2 = await checkoutRow(wrongCurrency.created.checkoutId);
    const o2 = await applyPaymentUpdate({ db, provider: 'cregis', report: { providerRef: c2.providerRef!, state: 'paid', paidAmount: c2.amount, orderAmount: c2.amount, currency: 'USD' }, source: 'callback' });
    expect(o2.outcome).toBe('review');
  });

  it('reconciles a payment whose callback never arrived', async () => {
    const { created } = await paidCheckout();
    failCallbacks = true;
    try {
      await sandboxAction(created.checkoutId, 'full');
    } finally {
      failCallbacks = false;
    }
    expect((await checkoutRow(created.checkoutId)).status).toBe('pending');
    await db.update(checkouts).set({ createdAt: sql`now() - interval '5 minutes'` }).where(eq(checkouts.id, created.checkoutId));
    const { paymentJobs } = await import('../../jobs/handlers/payments');
    await paymentJobs['payment.reconcile']({} as never);
    expect((await checkoutRow(created.checkoutId)).status).toBe('paid');
  });

  it('expiry asks the provider first: a paid order whose callback was lost is paid, not expired', async () => {
    const { created } = await paidCheckout();
    failCallbacks = true;
    try {
      await sandboxAction(created.checkoutId, 'full');
    } finally {
      failCallbacks = false;
    }
    const result = await expireCheckoutIfDue({ db, checkoutId: created.checkoutId, now: new Date(Date.now() + 3_600_000) });
    expect(result).toBe('paid');
  });

  it('rejects forged callbacks without any state change', async () => {
    const { created } = await paidCheckout();
    const c = await checkoutRow(created.checkoutId);
    const forged = {
      event_name: 'order',
      event_type: 'paid',
      data: JSON.stringify({ cregis_id: c.providerRef, order_id: c.id, order_amount: '215.00', order_currency: 'PEN', status: 'paid' }),
      pid: checkoutProject.pid,
      nonce: 'abcdef',
      timestamp: String(Date.now()),
      sign: 'f'.repeat(32),
    };
    const res = await fetch(`${receiverUrl}/api/webhooks/cregis`, { method: 'POST', body: JSON.stringify(forged) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toBe('success');
    expect((await checkoutRow(created.checkoutId)).status).toBe('pending');
    expect(await db.select().from(paymentEvents).where(eq(paymentEvents.providerRef, c.providerRef!))).toEqual([]);
  });

  it('refunds and release: a partial refund takes back the seller share and the matching commission; release moves the rest', async () => {
    const { created, store, seller } = await paidCheckout();
    await sandboxAction(created.checkoutId, 'full');
    const [order] = await db.select().from(orders).where(eq(orders.checkoutId, created.checkoutId));
    const key = crypto.randomUUID();
    const refunded = await refundOrder({ db, store, actorUserId: seller.id, input: { orderId: order!.id, amount: 5000, reason: 'Talla equivocada', idempotencyKey: key } });
    expect(refunded.refundedAmount).toBe(5000);
    // The same refund again (double click) posts nothing more.
    await refundOrder({ db, store, actorUserId: seller.id, input: { orderId: order!.id, amount: 5000, reason: 'Talla equivocada', idempotencyKey: key } }).catch(() => null);
    const [again] = await db.select().from(orders).where(eq(orders.id, order!.id));
    expect(again!.refundedAmount).toBe(5000);
    const tooMuch = refundOrder({ db, store, actorUserId: seller.id, input: { orderId: order!.id, amount: 20000, reason: '', idempotencyKey: crypto.randomUUID() } });
    await expect(tooMuch).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await db.update(orders).set({ fundsReleaseAt: sql`now() - interval '1 minute'` }).where(eq(orders.id, order!.id));
    expect(await releaseDueFunds({ db, storeId: store.id })).toBe(1);
    const balances = await ownerBalances(db, { storeId: store.id }, 'PEN');
    // commission 1105 on 21500; 5000 refunded → 257 commission back (half-up); seller net = 21500 − 1105 − (5000 − 257).
    expect(balances).toMatchObject({ seller_pending: 0, seller_available: 21500 - 1105 - (5000 - 257) });
    expect(await releaseDueFunds({ db, storeId: store.id })).toBe(0);
  });
});

describe('funds release', () => {
  it('an order whose money cannot be released is skipped and does not block the ones behind it', async () => {
    const bad = await storeWithProduct();
    const goodStore = await storeWithProduct();
    const good = {
      store: goodStore.store,
      created: await createCheckout({
        db,
        buyerUserId: null,
        cart: { userId: null, cartToken: crypto.randomUUID() },
        input: checkoutInput([{ storeId: goodStore.store.id, deliveryOptionId: goodStore.pickup.id }], 10000),
        lines: [{ variantId: goodStore.variant.id, qty: 1 }],
      }),
    };
    await sandboxAction(good.created.checkoutId, 'full');
    // A paid order with no payment posting (data written outside the payment path) cannot be released.
    const [orphan] = await db
      .insert(orders)
      .values({
        storeId: bad.store.id,
        checkoutId: good.created.checkoutId,
        contact,
        status: 'paid',
        currency: 'PEN',
        subtotal: 5000,
        total: 5000,
        delivery: { optionId: bad.pickup.id, kind: 'pickup', label: 'Recojo', details: '', price: 0 },
        paidAt: new Date(),
        fundsReleaseAt: new Date(Date.now() - 120_000),
      })
      .returning();
    await db.update(orders).set({ fundsReleaseAt: sql`now() - interval '1 minute'` }).where(eq(orders.checkoutId, good.created.checkoutId));
    expect(await releaseDueFunds({ db, limit: 10_000 })).toBeGreaterThanOrEqual(1);
    const [goodOrder] = await db.select().from(orders).where(and(eq(orders.checkoutId, good.created.checkoutId), eq(orders.storeId, good.store.id)));
    expect(goodOrder!.fundsReleasedAt).not.toBeNull();
    const [still] = await db.select().from(orders).where(eq(orders.id, orphan!.id));
    expect(still!.fundsReleasedAt).toBeNull();
    await db.delete(orders).where(eq(orders.id, orphan!.id));
  });
});

describe('ledger invariants', () => {
  it('every transaction balances and the database refuses edits and unbalanced postings', async () => {
    const sums = (await db.execute(sql`SELECT transaction_id, sum(amount)::bigint AS s FROM ledger_entries GROUP BY 1 HAVING sum(amount) <> 0`)) as unknown[];
    expect(sums).toEqual([]);
    const [entry] = await db.select().from(ledgerEntries).limit(1);
    expect(entry).toBeDefined();
    const failure = (p: Promise<unknown>) => p.then(() => 'no error', (err: Error) => String((err.cause as Error | undefined)?.message ?? err.message));
    expect(await failure(db.update(ledgerEntries).set({ amount: 1 }).where(eq(ledgerEntries.id, entry!.id)))).toMatch(/append-only/);
    expect(await failure(db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry!.id)))).toMatch(/append-only/);
    expect(
      await failure(db.transaction(async (tx) => {
        const [t] = await tx.insert(ledgerTransactions).values({ kind: 'bad', refType: 't', refId: crypto.randomUUID(), currency: 'PEN' }).returning();
        const [acc] = await tx.select().from(ledgerAccounts).limit(1);
        await tx.insert(ledgerEntries).values({ transactionId: t!.id, accountId: acc!.id, amount: 10 });
      })),
    ).toMatch(/does not balance/);
  });
});

beforeAll(() => {
  expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
});
