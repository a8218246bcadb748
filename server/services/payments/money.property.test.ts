/**
 * Property test of the money path: random sequences of checkouts, provider reports (pay, underpay, overpay, complete,
 * expire, refund — each possibly duplicated or out of order), seller refunds, fund releases and payouts (paid or
 * failed), all on the real PostgreSQL. After every sequence: every ledger transaction balances, no balance is
 * negative, each checkout is paid at most once, stock and reservations add up, and the platform's clearing account
 * holds exactly what the provider received minus what went back out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { newSandboxProject, startCregisSandbox } from '../../../scripts/local/cregis-sandbox';
import { checkouts, deliveryOptions, ledgerTransactions, orderEvents, orders, payouts, productVariants, stockReservations, stores } from '../../db/schema';
import type { PaymentReport, PaymentState } from '../../adapters/payments';
import { callerFor } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';

const db = testDb();
const project = newSandboxProject();
const payoutProject = newSandboxProject();
const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-cregis-prop-'));
const sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(stateDir, 's.json'), checkout: project, payout: payoutProject, payoutDelayMs: 3_600_000 });
Object.assign(process.env, {
  DATABASE_URL: inject('databaseUrl'),
  CREGIS_BASE_URL: sandbox.url,
  CREGIS_PID: project.pid,
  CREGIS_API_KEY: project.apiKey,
  CREGIS_PAYOUT_PID: payoutProject.pid,
  CREGIS_PAYOUT_API_KEY: payoutProject.apiKey,
});
const { createCheckout } = await import('../checkout/create-checkout');
const { applyPaymentUpdate } = await import('./apply-payment-update');
const { refundOrder } = await import('../orders/refund-order');
const { releaseDueFunds } = await import('../orders/release-funds');
const { requestPayout } = await import('../payouts/request-payout');
const { applyPayoutUpdate } = await import('../payouts/apply-payout-update');

afterAll(async () => {
  await sandbox.stop();
  await fs.rm(stateDir, { recursive: true, force: true });
});

const PRICE = 10000;
const STOCK = 6;

type Step =
  | { op: 'checkout'; qty: number }
  | { op: 'report'; target: number; state: PaymentState; amount: 'due' | 'half' | 'over' }
  | { op: 'duplicate' }
  | { op: 'sellerRefund'; target: number; part: number }
  | { op: 'release' }
  | { op: 'payout'; part: number; outcome: 'paid' | 'failed' | 'pending' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('checkout' as const), qty: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('report' as const),
      target: fc.nat(20),
      state: fc.constantFrom<PaymentState>('paid', 'paid_partial', 'paid_over', 'paid_remain', 'expired', 'refunded', 'new'),
      amount: fc.constantFrom('due' as const, 'half' as const, 'over' as const),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'duplicate' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sellerRefund' as const), target: fc.nat(20), part: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'release' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('payout' as const), part: fc.integer({ min: 1, max: 100 }), outcome: fc.constantFrom('paid' as const, 'failed' as const, 'pending' as const) }) },
);

async function world() {
  const seller = await createTestUser(db);
  const api = callerFor(db, seller);
  const store = await api.store.create({ name: 'Prop', slug: `prop-${crypto.randomBytes(5).toString('hex')}`, currency: 'PEN' });
  await db.update(stores).set({ kycStatus: 'approved' }).where(eq(stores.id, store.id));
  const product = await api.product.create({ storeId: store.id, title: 'Gorro', price: PRICE, currency: 'PEN', variants: [{ options: {}, stock: STOCK }] });
  const [variant] = await db.select().from(productVariants).where(eq(productVariants.productId, product.id));
  const [pickup] = await db.insert(deliveryOptions).values({ storeId: store.id, kind: 'pickup', label: 'Recojo' }).returning();
  const [storeRow] = await db.select().from(stores).where(eq(stores.id, store.id));
  return { seller, store: storeRow!, variantId: variant!.id, pickupId: pickup!.id };
}

async function runSequence(steps: Step[]) {
  const w = await world();
  const checkoutIds: string[] = [];
  let last: PaymentReport | null = null;
  const reportedPaid = new Map<string, number>(); // per checkout: highest amount reported received

  for (const s of steps) {
    if (s.op === 'checkout') {
      try {
        const c = await createCheckout({
          db,
          buyerUserId: null,
          cart: { userId: null, cartToken: crypto.randomUUID() },
          input: { idempotencyKey: crypto.randomUUID(), contact: { name: 'Prueba', email: 'p@test.vita' }, stores: [{ storeId: w.store.id, deliveryOptionId: w.pickupId }], expectedTotal: PRICE * s.qty, locale: 'es' },
          lines: [{ variantId: w.variantId, qty: s.qty }],
          openPayment: false,
        });
        await db.update(checkouts).set({ providerRef: `ref-${c.checkoutId}` }).where(eq(checkouts.id, c.checkoutId));
        checkoutIds.push(c.checkoutId);
      } catch (err) {
        expect((err as { data?: { reason?: string } }).data?.reason).toBe('OUT_OF_STOCK');
      }
    } else if (s.op === 'report' && checkoutIds.length) {
      const id = checkoutIds[s.target % checkoutIds.length]!;
      const [c] = await db.select().from(checkouts).where(eq(checkouts.id, id));
      const amount = s.amount === 'due' ? c!.amount : s.amount === 'half' ? Math.floor(c!.amount / 2) : c!.amount + 500;
      const paidAmount = s.state === 'new' || s.state === 'expired' ? (reportedPaid.get(id) ?? 0) : s.state === 'paid_partial' ? Math.min(amount, c!.amount - 1) : amount;
      const report: PaymentReport = { providerRef: c!.providerRef!, state: s.state, paidAmount, orderAmount: c!.amount, currency: 'PEN' };
      last = report;
      await applyPaymentUpdate({ db, provider: 'cregis', report, source: 'callback' });
    } else if (s.op === 'duplicate' && last) {
      await applyPaymentUpdate({ db, provider: 'cregis', report: last, source: 'reconcile' });
    } else if (s.op === 'sellerRefund' && checkoutIds.length) {
      const id = checkoutIds[s.target % checkoutIds.length]!;
      const [o] = await db.select().from(orders).where(eq(orders.checkoutId, id));
      const left = o!.total - o!.refundedAmount;
      const amount = Math.max(1, Math.floor((left * s.part) / 100));
      await refundOrder({ db, store: w.store, actorUserId: w.seller.id, input: { orderId: o!.id, amount, reason: 'prop', idempotencyKey: crypto.randomUUID() } }).catch((err) => {
        // Allowed refusals: not paid (yet / anymore), nothing left, or the seller's money already left (paid out).
        expect(['CONFLICT', 'BAD_REQUEST']).toContain(err.code);
      });
    } else if (s.op === 'release') {
      await db.update(orders).set({ fundsReleaseAt: sql`now() - interval '1 second'` }).where(eq(orders.storeId, w.store.id));
      await releaseDueFunds({ db, limit: 100, storeId: w.store.id });
    } else if (s.op === 'payout') {
      const { ownerBalances } = await import('../ledger/post-transaction');
      const available = (await ownerBalances(db, { storeId: w.store.id }, 'PEN')).seller_available ?? 0;
      const amount = Math.floor((available * s.part) / 100);
      try {
        const p = await requestPayout({ db, store: w.store, userId: w.seller.id, input: { storeId: w.store.id, amount, network: 'USDT-TRC20', address: 'T' + 'A'.repeat(33) } });
        if (s.outcome !== 'pending' && p.providerRef) {
          await applyPayoutUpdate({ db, provider: 'cregis', report: { providerRef: p.providerRef, payoutId: p.id, state: s.outcome, providerStatus: s.outcome === 'paid' ? 6 : 7 }, source: 'callback' });
          // Delivered twice: still one effect.
          await applyPayoutUpdate({ db, provider: 'cregis', report: { providerRef: p.providerRef, payoutId: p.id, state: s.outcome, providerStatus: s.outcome === 'paid' ? 6 : 7 }, source: 'reconcile' });
        }
      } catch (err) {
        // Refusals the seller would see: nothing to withdraw / below the minimum (zod) or not enough balance.
        const e = err as { code?: string; name?: string };
        expect(e.name === 'ZodError' || ['BAD_REQUEST', 'CONFLICT'].includes(e.code ?? '')).toBe(true);
      }
    }
  }

  // ── invariants ──
  const unbalanced = (await db.execute(sql`SELECT transaction_id FROM ledger_entries GROUP BY 1 HAVING sum(amount) <> 0`)) as unknown[];
  expect(unbalanced).toEqual([]);
  const negative = (await db.execute(sql`SELECT id FROM ledger_accounts WHERE CASE WHEN kind = 'clearing' THEN balance < 0 ELSE balance > 0 END`)) as unknown[];
  expect(negative).toEqual([]);
  if (checkoutIds.length) {
    const payments = await db.select({ refId: ledgerTransactions.refId, n: sql<number>`count(*)::int` }).from(ledgerTransactions).where(inArray(ledgerTransactions.refId, checkoutIds)).groupBy(ledgerTransactions.refId, ledgerTransactions.kind).having(sql`${ledgerTransactions.kind} = 'payment'`);
    for (const p of payments) expect(p.n).toBe(1);
    const orderRows = await db.select().from(orders).where(inArray(orders.checkoutId, checkoutIds));
    const paidEvents = await db.select({ orderId: orderEvents.orderId, n: sql<number>`count(*)::int` }).from(orderEvents).where(inArray(orderEvents.orderId, orderRows.map((o) => o.id))).groupBy(orderEvents.orderId, orderEvents.kind).having(sql`${orderEvents.kind} = 'paid'`);
    for (const e of paidEvents) expect(e.n).toBe(1);
    const [v] = await db.select().from(productVariants).where(eq(productVariants.id, w.variantId));
    const res = await db.select().from(stockReservations).where(eq(stockReservations.variantId, w.variantId));
    const open = res.filter((r) => !r.consumedAt && !r.releasedAt).reduce((s, r) => s + r.qty, 0);
    const sold = res.filter((r) => r.consumedAt).reduce((s, r) => s + r.qty, 0);
    expect(v!.stock).toBeGreaterThanOrEqual(0);
    expect(v!.reserved).toBe(open);
    expect(v!.stock + sold).toBe(STOCK);
    // Paid orders hold consumed stock; others none.
    for (const o of orderRows) {
      const consumed = res.filter((r) => r.orderId === o.id && r.consumedAt).length > 0;
      expect(consumed).toBe(['paid', 'fulfilled', 'delivered', 'refunded'].includes(o.status));
    }
  }
  // Conservation per store: what the seller holds (pending + available + in transit) is exactly the net of its paid
  // orders after refunds and their commission, minus payouts that completed.
  const { ownerBalances } = await import('../ledger/post-transaction');
  const { sellerNet } = await import('../orders/refund-order');
  const b = await ownerBalances(db, { storeId: w.store.id }, 'PEN');
  const held = (b.seller_pending ?? 0) + (b.seller_available ?? 0) + (b.payouts_in_transit ?? 0);
  const storeOrders = await db.select().from(orders).where(eq(orders.storeId, w.store.id));
  const earned = storeOrders.filter((o) => o.paidAt !== null).reduce((sum, o) => sum + sellerNet(o), 0);
  const paidOut = (await db.select().from(payouts).where(eq(payouts.storeId, w.store.id))).filter((p) => p.status === 'paid').reduce((sum, p) => sum + p.amount, 0);
  expect(held).toBe(earned - paidOut);
  // A paid checkout received at least what it asked for; an unpaid one has no payment posting.
  for (const id of checkoutIds) {
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, id));
    if (c!.status === 'paid' || c!.status === 'refunded') expect(c!.paidAmount).toBeGreaterThanOrEqual(c!.amount);
  }
}

describe('money path properties', () => {
  it('holds its invariants over random sequences of payments, duplicates, refunds, releases and payouts', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), runSequence), { numRuns: 30 });
  }, 300_000);
});
