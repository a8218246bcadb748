import crypto from 'node:crypto';
import { postLedgerTransaction } from '../services/ledger/post-transaction';
import { payoutHoldPosting } from '../services/payouts/postings';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newSandboxProject, startCregisSandbox, type CregisSandbox, type SandboxOrder } from '../../scripts/local/cregis-sandbox';
import { CregisProvider } from '../adapters/payments/cregis';
import { signCregisBody } from '../adapters/payments/cregis-signing';
import { checkouts, liveShows, liveTips, paymentEvents, payouts, storeMembers, stores } from '../db/schema';
import { processPaymentEvent, processPayoutEvent, reconcilePayments, reconcilePayouts, redriveStoredEvents } from '../jobs/handlers/payments';
import { getBoss } from '../jobs/queue';
import { createTestUser, testDb } from '../testing/db';
import { handleCregisPaymentCallback, handleCregisPayoutCallback, type CregisWebhookDeps } from './cregis';

// env() is read lazily: the real pg-boss queue goes to the test database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.COGNITO_USER_POOL_ID ??= 'local_test';
process.env.COGNITO_CLIENT_ID ??= 'test-client';

const db = testDb();
const checkoutProject = newSandboxProject();
const payoutProject = newSandboxProject();
let dir: string;
let sandbox: CregisSandbox;
let provider: CregisProvider;
let app: http.Server;
let appUrl = '';
let deps: CregisWebhookDeps;

/** Our two webhook endpoints on a real HTTP port, so the sandbox delivers to them as Cregis would. */
async function startApp() {
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const handler = req.url === '/api/webhooks/cregis/payout' ? handleCregisPayoutCallback : handleCregisPaymentCallback;
    const out = await handler(new Request(`http://app.test${req.url}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), deps);
    res.writeHead(out.status, { 'content-type': 'text/plain' }).end(await out.text());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cregis-webhook-'));
  sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(dir, 'state.json'), checkout: checkoutProject, payout: payoutProject, sweepMs: 25, payoutDelayMs: 50 });
  provider = new CregisProvider({ baseUrl: sandbox.url, pid: checkoutProject.pid, apiKey: checkoutProject.apiKey, payoutPid: payoutProject.pid, payoutApiKey: payoutProject.apiKey, callbackMaxAgeS: 300 });
  deps = { db, provider };
  ({ server: app, url: appUrl } = await startApp());
});

afterAll(async () => {
  await sandbox?.stop();
  app?.closeAllConnections();
  await new Promise<void>((r) => (app ? app.close(() => r()) : r()));
  await (await getBoss()).stop({ graceful: false, wait: true });
  await fs.rm(dir, { recursive: true, force: true });
});

const post = (body: string, handler = handleCregisPaymentCallback, d: CregisWebhookDeps = deps) =>
  handler(new Request('http://app.test/api/webhooks/cregis', { method: 'POST', body }), d);

function signedCallback(over: Record<string, unknown> = {}, project = checkoutProject, nowMs = Date.now()): string {
  const data = JSON.stringify({ cregis_id: `po${crypto.randomInt(1e9)}`, order_id: 'x', order_amount: '10.00', order_currency: 'USD', pay_amount: '10.000000', pay_currency: 'USDT', receive_amount: '10.000000', status: 'paid' });
  return JSON.stringify(signCregisBody({ event_name: 'order', event_type: 'paid', data, ...over }, project, nowMs));
}

async function eventsFor(ref: string) {
  return db.select().from(paymentEvents).where(eq(paymentEvents.providerRef, ref));
}
async function jobsFor(eventIds: string[]): Promise<{ name: string; data: { eventId: string } }[]> {
  if (eventIds.length === 0) return [];
  const rows = await db.execute(sql`select name, data from pgboss.job where data->>'eventId' in ${eventIds}`);
  return rows as unknown as { name: string; data: { eventId: string } }[];
}

async function newCheckout(amount: number, currency: string, over: Partial<typeof checkouts.$inferInsert> = {}, callbackUrl = `${appUrl}/api/webhooks/cregis`) {
  const id = crypto.randomUUID();
  const created = await provider.createPayment({
    orderId: id,
    amount,
    currency,
    payerId: 'buyer',
    validMinutes: 30,
    callbackUrl,
    successUrl: 'http://shop.test/ok',
    cancelUrl: 'http://shop.test/no',
    language: 'es',
  });
  await db.insert(checkouts).values({
    id,
    purpose: 'tip',
    email: 'comprador@test.vita',
    amount,
    currency,
    provider: 'cregis',
    providerRef: created.providerRef,
    paymentUrl: created.paymentUrl,
    expiresAt: created.expiresAt,
    accessToken: crypto.randomBytes(16).toString('hex'),
    ...over,
  });
  if ((over.purpose ?? 'tip') === 'tip') await tipFor(id, amount, currency);
  return { id, ...created };
}

/** These checkouts are live-show tips (a checkout with no orders): the tip row a paid tip is credited through. */
async function tipFor(checkoutId: string, amount: number, currency: string) {
  const tag = crypto.randomBytes(4).toString('hex');
  const [store] = await db.insert(stores).values({ slug: `propina-${tag}`, name: 'Tienda Propinas', currency }).returning();
  const [show] = await db.insert(liveShows).values({ storeId: store!.id, slug: `show-${tag}`, title: 'En vivo', scheduledAt: new Date() }).returning();
  await db.insert(liveTips).values({ showId: show!.id, storeId: store!.id, checkoutId, amount, currency });
}

const sandboxOp = async (ref: string, op: string, input: unknown = {}) =>
  (await (await fetch(`${sandbox.url}/sandbox/api/orders/${ref}/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()) as {
    order: SandboxOrder;
  };

describe('POST /api/webhooks/cregis', () => {
  it('verifies, stores once, enqueues payment.callback and answers the literal success', async () => {
    const raw = signedCallback();
    const ref = JSON.parse(JSON.parse(raw).data).cregis_id as string;
    const res = await post(raw);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    const rows = await eventsFor(ref);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'cregis', eventType: 'paid', processedAt: null });
    expect((rows[0]!.payload as { report: unknown }).report).toEqual({ providerRef: ref, orderId: 'x', state: 'paid', paidAmount: 1000, orderAmount: 1000, currency: 'USD' });
    const jobs = await jobsFor([rows[0]!.id]);
    expect(jobs.map((j) => j.name)).toEqual(['payment.callback']);

    // The identical message again: 409, no second row, no second job.
    const replay = await post(raw);
    expect(replay.status).toBe(409);
    expect(await replay.text()).not.toBe('success');
    expect(await eventsFor(ref)).toHaveLength(1);
    expect(await jobsFor([rows[0]!.id])).toHaveLength(1);
  });

  it('rejects unsigned, wrongly signed, foreign, stale and malformed messages and writes nothing', async () => {
    const good = JSON.parse(signedCallback()) as Record<string, unknown>;
    const { sign: _s, ...unsigned } = good;
    const cases: [string, string, number][] = [
      ['unsigned', JSON.stringify(unsigned), 401],
      ['wrong sign', JSON.stringify({ ...good, sign: crypto.createHash('md5').update('x').digest('hex') }), 401],
      ['tampered', JSON.stringify({ ...good, event_type: 'paid_over' }), 401],
      ['wrong key', signedCallback({}, { pid: checkoutProject.pid, apiKey: 'a'.repeat(32) }), 401],
      ['wrong pid', signedCallback({}, payoutProject), 401],
      ['stale', signedCallback({}, checkoutProject, Date.now() - 10 * 60_000), 401],
      ['malformed json', '{"event_name":"order",', 400],
      ['not an object', '"success"', 400],
      ['data not json', signedCallback({ data: '{nope' }), 400],
      ['unknown event', signedCallback({ event_type: 'chargeback' }), 400],
      ['empty', '', 400],
      ['oversized', JSON.stringify({ ...good, padding: 'x'.repeat(70_000) }), 413],
    ];
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents);
    for (const [name, body, status] of cases) {
      const res = await post(body);
      expect([name, res.status]).toEqual([name, status]);
      expect(await res.text()).not.toBe('success');
    }
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a message stored but not enqueued is still answered success and is re-driven by the reconcile sweep', async () => {
    const raw = signedCallback();
    const ref = JSON.parse(JSON.parse(raw).data).cregis_id as string;
    const res = await post(raw, handleCregisPaymentCallback, {
      ...deps,
      enqueue: async () => {
        throw new Error('queue down');
      },
    });
    expect(await res.text()).toBe('success');
    const [row] = await eventsFor(ref);
    expect(await jobsFor([row!.id])).toHaveLength(0);
    // Not yet a minute old: left alone. Later: queued again (once per window, however often the sweep runs).
    await redriveStoredEvents({ db, kind: 'payment' });
    expect(await jobsFor([row!.id])).toHaveLength(0);
    const later = new Date(Date.now() + 2 * 60_000);
    await redriveStoredEvents({ db, kind: 'payment', now: later });
    await redriveStoredEvents({ db, kind: 'payment', now: later });
    expect((await jobsFor([row!.id])).map((j) => j.name)).toEqual(['payment.callback']);
    // The payout sweep does not pick up payment events.
    await redriveStoredEvents({ db, kind: 'payout', now: later });
    expect(await jobsFor([row!.id])).toHaveLength(1);
  });
});

describe('sandbox → webhook → payment.callback job', () => {
  it('partial then remainder: the checkout ends paid; duplicates ×5 store one row and answer 409', async () => {
    const c = await newCheckout(8990, 'PEN');
    const partial = await fetch(`${c.paymentUrl}/partial`, { method: 'POST', redirect: 'manual' });
    expect(partial.status).toBe(303);
    let events = await eventsFor(c.providerRef);
    expect(events).toHaveLength(1);
    expect(await processPaymentEvent({ db, eventId: events[0]!.id })).toBe('partially_paid');
    // The same job again (pg-boss redelivery): no effect.
    expect(await processPaymentEvent({ db, eventId: events[0]!.id })).toBe('partially_paid');
    let [row] = await db.select().from(checkouts).where(eq(checkouts.id, c.id));
    expect(row).toMatchObject({ status: 'partially_paid', paidAmount: 4495 });

    const dup = await sandboxOp(c.providerRef, 'duplicate', { times: 5 });
    const answers = dup.order.deliveries.slice(-5).map((d) => d.httpStatus);
    expect(answers.sort()).toEqual([409, 409, 409, 409, 409]);
    expect(await eventsFor(c.providerRef)).toHaveLength(1);

    await fetch(`${c.paymentUrl}/remain`, { method: 'POST', redirect: 'manual' });
    events = await eventsFor(c.providerRef);
    expect(events).toHaveLength(2);
    const remain = events.find((e) => e.eventType === 'paid_remain')!;
    expect(await processPaymentEvent({ db, eventId: remain.id })).toBe('paid');
    [row] = await db.select().from(checkouts).where(eq(checkouts.id, c.id));
    expect(row).toMatchObject({ status: 'paid', paidAmount: 8990 });
    const [stored] = await db.select().from(paymentEvents).where(eq(paymentEvents.id, remain.id));
    expect(stored!.processedAt).not.toBeNull();
    expect(stored!.outcome).toBe('paid');
  });

  it('events delivered out of order (remainder before partial, then expired) leave the checkout paid', async () => {
    const c = await newCheckout(5000, 'USD');
    const before = (await eventsFor(c.providerRef)).length;
    await sandboxOp(c.providerRef, 'deliver', { events: ['paid_remain', 'paid_partial', 'expired'] });
    const events = (await eventsFor(c.providerRef)).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    expect(events.length - before).toBe(3);
    const outcomes: string[] = [];
    for (const e of events) outcomes.push(await processPaymentEvent({ db, eventId: e.id }));
    expect(outcomes).toEqual(['paid', 'unchanged', 'unchanged']);
    const [row] = await db.select().from(checkouts).where(eq(checkouts.id, c.id));
    expect(row).toMatchObject({ status: 'paid', paidAmount: 5000 });
  });

  it('payout callbacks are stored as payout events and processed by payout.callback', async () => {
    const payoutId = crypto.randomUUID();
    const { providerRef } = await provider.createPayout({ payoutId, amount: 2500, currency: 'USD', address: 'TXsmKpEuW7qWnXzJLGP9eDLvWPR2GRn1FS', network: '195@195', callbackUrl: `${appUrl}/api/webhooks/cregis/payout` });
    // The sandbox pays out by itself a moment later; wait until its delivery has been answered.
    for (let i = 0; i < 200; i++) {
      const p = (await (await fetch(`${sandbox.url}/sandbox/api/payouts/${providerRef}`)).json()) as { deliveries: unknown[] };
      if (p.deliveries.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const events = await eventsFor(providerRef);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ eventType: 'payout.paid' });
    expect((await jobsFor([events[0]!.id])).map((j) => j.name)).toEqual(['payout.callback']);
    // No payouts row carries this ref here: the service says so, and the event is closed with that outcome.
    expect(await processPayoutEvent({ db, eventId: events[0]!.id })).toBe('unknown_payout');
  });
});

describe('payment.reconcile', () => {
  it('settles checkouts whose callback never arrived, records last_reconciled_at, and survives a bad row', async () => {
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    // The payer pays, but the callback goes to an endpoint that is down (nothing listens on port 9).
    const lost = await newCheckout(1200, 'USD', { createdAt: twoMinutesAgo }, 'http://127.0.0.1:9/api/webhooks/cregis');
    const paid = await sandboxOp(lost.providerRef, 'pay', { kind: 'full' });
    expect(paid.order.deliveries.at(-1)).toMatchObject({ event: 'paid', ok: false, httpStatus: null });
    expect(await eventsFor(lost.providerRef)).toHaveLength(0);
    // A ref the provider does not know (E0024): that row fails alone.
    const broken = await newCheckout(1300, 'USD', { createdAt: twoMinutesAgo, providerRef: `po-missing-${crypto.randomInt(1e9)}` });
    const fresh = await newCheckout(1400, 'USD');

    const summary = await reconcilePayments({ db, provider });
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    expect(summary.outcomes.paid).toBeGreaterThanOrEqual(1);
    const rows = await db.select().from(checkouts).where(inArray(checkouts.id, [lost.id, broken.id, fresh.id]));
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[lost.id]).toMatchObject({ status: 'paid', paidAmount: 1200 });
    expect(byId[lost.id]!.lastReconciledAt).not.toBeNull();
    expect(byId[broken.id]!.status).toBe('pending');
    expect(byId[broken.id]!.lastReconciledAt).not.toBeNull();
    // Younger than a minute: left to its callback.
    expect(byId[fresh.id]!.lastReconciledAt).toBeNull();

    // Checked a moment ago: not asked again on the next sweep.
    await reconcilePayments({ db, provider });
    const rows2 = await db.select().from(checkouts).where(eq(checkouts.id, broken.id));
    expect(rows2[0]!.lastReconciledAt!.getTime()).toBe(byId[broken.id]!.lastReconciledAt!.getTime());
  });
});

describe('payout.reconcile', () => {
  it('settles an open payout whose callback was lost by asking /api/v1/payout/query', async () => {
    const owner = await createTestUser(db);
    const [store] = await db.insert(stores).values({ slug: `payout-${crypto.randomBytes(4).toString('hex')}`, name: 'Tienda Retiro', currency: 'USD' }).returning();
    await db.insert(storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
    const id = crypto.randomUUID();
    const { providerRef } = await provider.createPayout({ payoutId: id, amount: 700, currency: 'USD', address: 'TXsmKpEuW7qWnXzJLGP9eDLvWPR2GRn1FS', network: '195@195', callbackUrl: 'http://127.0.0.1:9/api/webhooks/cregis/payout' });
    await db.insert(payouts).values({
      id,
      storeId: store!.id,
      amount: 700,
      currency: 'USD',
      destination: { network: '195@195', address: 'TXsmKpEuW7qWnXzJLGP9eDLvWPR2GRn1FS' },
      provider: 'cregis',
      providerRef,
      providerStatus: 0,
      status: 'processing',
      updatedAt: new Date(Date.now() - 2 * 60_000),
    });
    // The seller had the money and the request held it, as requestPayout does.
    await db.transaction(async (tx) => {
      await postLedgerTransaction(tx, {
        kind: 'test_funding',
        refType: 'test',
        refId: id,
        currency: 'USD',
        lines: [
          { owner: 'platform', kind: 'clearing', amount: 700 },
          { owner: { storeId: store!.id }, kind: 'seller_available', amount: -700 },
        ],
      });
      await postLedgerTransaction(tx, payoutHoldPosting({ id, storeId: store!.id, amount: 700, currency: 'USD' }));
    });
    for (let i = 0; i < 200; i++) {
      const p = (await (await fetch(`${sandbox.url}/sandbox/api/payouts/${providerRef}`)).json()) as { status: number };
      if (p.status === 6) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const summary = await reconcilePayouts({ db, provider });
    // Only this payout is known to this sandbox: open payouts other test files left in the shared test database
    // (more than a minute old by the time this runs in a full suite) are counted as failed lookups, as they should be.
    expect(summary.outcomes).toMatchObject({ paid: 1 });
    expect(summary.checked).toBe(1);
    const [row] = await db.select().from(payouts).where(eq(payouts.id, id));
    expect(row).toMatchObject({ status: 'paid', providerStatus: 6 });
    // Final now: the next sweep leaves it alone.
    expect((await reconcilePayouts({ db, provider })).outcomes.paid).toBeUndefined();
  });
});
