import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSandboxProject, startCregisSandbox, type CregisSandbox, type SandboxOrder } from '../../../scripts/local/cregis-sandbox';
import { createCregisProvider, type CregisProvider } from '../../adapters/payments/cregis';
import { setPaymentProviderForTests } from '../../adapters/payments';
import { checkouts, ledgerTransactions, outbox, products, productVariants, storeMembers, stores, subscriptions, users, type Checkout } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { ownerBalances } from '../ledger/post-transaction';
import { applyPaymentUpdate } from '../payments/apply-payment-update';
import { activateSubscriptionPayment } from './activate-subscription';
import { getBillingStatus } from './get-billing-status';
import { addMonthUtc } from './periods';
import { startProUpgrade } from './start-pro-upgrade';
import { sweepSubscriptions } from './sweep-subscriptions';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const DAY = 86_400_000;
/** Users of this file: sweeps run with far-future clocks and must not touch other files' users in the shared database. */
const SCOPE: string[] = [];
const newUser = async () => {
  const u = await createTestUser(db);
  SCOPE.push(u.id);
  return u;
};
/** Pro requires an identity-verified store (PRO_REQUIRES_KYC, on by default): a user owning one. */
const newVerifiedUser = async () => {
  const u = await newUser();
  const [s] = await db.insert(stores).values({ slug: `v-${uid()}`, name: 'Verificada', currency: 'USD', kycStatus: 'approved', verifiedAt: new Date() }).returning();
  await db.insert(storeMembers).values({ storeId: s!.id, userId: u.id, role: 'owner' });
  return u;
};

let sandbox: CregisSandbox;
let provider: CregisProvider;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-billing-'));
  const checkout = newSandboxProject();
  sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(dir, 'state.json'), checkout, payout: newSandboxProject(), log: () => {} });
  provider = createCregisProvider({ baseUrl: sandbox.url, pid: checkout.pid, apiKey: checkout.apiKey, callbackMaxAgeS: 300 });
  setPaymentProviderForTests(provider);
});

afterAll(async () => {
  setPaymentProviderForTests(undefined);
  await sandbox?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function sandboxOrder(cregisId: string): Promise<SandboxOrder> {
  return (await (await fetch(`${sandbox.url}/sandbox/api/orders/${cregisId}`)).json()) as SandboxOrder;
}

/** The payer pays in full at the sandbox; its signed callback is then applied as the webhook job would. */
async function payAtSandbox(checkoutId: string) {
  const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
  const res = await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'full' }),
  });
  expect(res.ok).toBe(true);
  const raw = (await sandboxOrder(c!.providerRef!)).last_callback!;
  return { raw, apply: () => applyPaymentUpdate({ db, provider: 'cregis', report: provider.parsePaymentCallback(raw), source: 'callback' }) };
}

const emails = async (to: string, template: string) => (await db.select().from(outbox).where(and(eq(outbox.to, to), eq(outbox.template, template))));
const subsOf = (userId: string) => db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).orderBy(subscriptions.createdAt);

describe('addMonthUtc', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonthUtc(new Date('2030-01-15T10:20:30.400Z')).toISOString()).toBe('2030-02-15T10:20:30.400Z');
    expect(addMonthUtc(new Date('2030-01-31T23:00:00Z')).toISOString()).toBe('2030-02-28T23:00:00.000Z');
    expect(addMonthUtc(new Date('2028-01-31T00:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonthUtc(new Date('2030-12-31T12:00:00Z')).toISOString()).toBe('2031-01-31T12:00:00.000Z');
  });
});

describe('upgrade and activation', () => {
  it('upgrade opens one subscription payment (a second click answers the same one)', async () => {
    const user = await newVerifiedUser();
    const api = callerFor(db, user);
    const { paymentUrl } = await api.billing.upgrade();
    expect(paymentUrl).toMatch(new RegExp(`^${sandbox.url}/checkout/`));
    const [sub] = await subsOf(user.id);
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, sub!.checkoutId!));
    expect(c).toMatchObject({ purpose: 'subscription', buyerUserId: user.id, email: user.email, amount: 1900, currency: 'USD', provider: 'cregis', status: 'pending', paymentUrl });
    expect(c!.accessToken).toMatch(/^[0-9a-f]{64}$/);
    expect(c!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(sub).toMatchObject({ status: 'pending', planCode: 'pro', amount: 1900, currency: 'USD', periodStart: null });
    const order = await sandboxOrder(c!.providerRef!);
    expect(order.success_url).toBe(`http://127.0.0.1:3999/dashboard/plan?pago=${c!.id}`);

    expect((await api.billing.upgrade()).paymentUrl).toBe(paymentUrl);
    expect(await subsOf(user.id)).toHaveLength(1);
    const status = await api.billing.status({ checkoutId: c!.id });
    expect(status).toMatchObject({ plan: 'free', activePeriod: null, pendingCheckout: { id: c!.id, paymentUrl }, returned: { state: 'pending' } });
  });

  it('paid at the provider: Pro for a month, booked once, one email, however often the callback comes', async () => {
    const user = await newVerifiedUser();
    const api = callerFor(db, user);
    await api.billing.upgrade();
    const [sub] = await subsOf(user.id);
    const before = (await ownerBalances(db, 'platform', 'USD')).subscription_revenue ?? 0;
    const { apply } = await payAtSandbox(sub!.checkoutId!);
    expect((await apply()).outcome).toBe('paid');
    expect((await apply()).outcome).toBe('unchanged');

    const [active] = await subsOf(user.id);
    expect(active!.status).toBe('active');
    expect(Math.abs(active!.periodStart!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(active!.periodEnd!.toISOString()).toBe(addMonthUtc(active!.periodStart!).toISOString());
    const [u] = await db.select().from(users).where(eq(users.id, user.id));
    expect(u!.planCode).toBe('pro');
    const booked = await db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.kind, 'subscription'), eq(ledgerTransactions.refId, active!.id)));
    expect(booked).toHaveLength(1);
    // Other test files may book at the same time: at least our 19.00 arrived.
    expect(((await ownerBalances(db, 'platform', 'USD')).subscription_revenue ?? 0) - before).toBeGreaterThanOrEqual(1900);
    const sent = await emails(user.email, 'plan_activated');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ periodEnd: active!.periodEnd!.toISOString(), amount: 1900, currency: 'USD' });

    const status = await api.billing.status({ checkoutId: sub!.checkoutId! });
    expect(status).toMatchObject({ plan: 'pro', pendingCheckout: null, returned: { state: 'confirmed' } });
    expect(status.activePeriod?.end.toISOString()).toBe(active!.periodEnd!.toISOString());
    // Another user's checkout id tells nothing.
    expect((await callerFor(db, await newUser()).billing.status({ checkoutId: sub!.checkoutId! })).returned).toBeNull();
  });

  it('a renewal starts where the paid period ends; activation is idempotent', async () => {
    const user = await newVerifiedUser();
    const now = new Date();
    const currentEnd = new Date(now.getTime() + 10 * DAY);
    await db.insert(subscriptions).values({ userId: user.id, planCode: 'pro', status: 'active', amount: 1900, currency: 'USD', periodStart: new Date(currentEnd.getTime() - 30 * DAY), periodEnd: currentEnd });
    await db.update(users).set({ planCode: 'pro' }).where(eq(users.id, user.id));

    await startProUpgrade({ db, userId: user.id });
    const renewal = (await subsOf(user.id)).find((s) => s.status === 'pending')!;
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, renewal.checkoutId!));
    const paid: Checkout = { ...c!, status: 'paid', paidAmount: 1900 };
    await db.transaction((tx) => activateSubscriptionPayment(tx, paid));
    await db.transaction((tx) => activateSubscriptionPayment(tx, paid));
    const [r] = await db.select().from(subscriptions).where(eq(subscriptions.id, renewal.id));
    expect(r).toMatchObject({ status: 'active', periodStart: currentEnd, periodEnd: addMonthUtc(currentEnd) });
    expect(await db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.kind, 'subscription'), eq(ledgerTransactions.refId, renewal.id)))).toHaveLength(1);
    expect(await emails(user.email, 'plan_activated')).toHaveLength(1);
    const status = await getBillingStatus({ db, userId: user.id });
    expect(status.activePeriod?.end.toISOString()).toBe(currentEnd.toISOString());
    expect(status.paidUntil?.toISOString()).toBe(addMonthUtc(currentEnd).toISOString());
  });

  it('PRO_REQUIRES_KYC: only users owning a KYC-approved store may upgrade', async () => {
    const user = await newUser();
    const [store] = await db.insert(stores).values({ slug: `k-${uid()}`, name: 'K', currency: 'USD', kycStatus: 'pending' }).returning();
    await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
    const err = await startProUpgrade({ db, userId: user.id, requireKyc: true }).catch((e: unknown) => e as { code: string; data: { reason: string } });
    expect(err).toMatchObject({ code: 'FORBIDDEN', data: { reason: 'KYC_REQUIRED' } });
    expect(await subsOf(user.id)).toHaveLength(0);
    await db.update(stores).set({ kycStatus: 'approved' }).where(eq(stores.id, store!.id));
    expect((await startProUpgrade({ db, userId: user.id, requireKyc: true })).paymentUrl).toMatch(/\/checkout\//);
  });

  it('approval is required by default: an unverified owner cannot upgrade through billing.upgrade', async () => {
    const user = await newUser();
    const [store] = await db.insert(stores).values({ slug: `k-${uid()}`, name: 'K', currency: 'USD', kycStatus: 'unverified' }).returning();
    await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
    const err = await rejectionOf(callerFor(db, user).billing.upgrade());
    expect(err.code).toBe('FORBIDDEN');
    expect(err.cause?.data?.reason).toBe('KYC_REQUIRED');
    expect(await subsOf(user.id)).toHaveLength(0);
  });
});

/** A Pro seller with two stores and 25 active products (+1 archived) whose period ended at `end`. */
async function lapsingSeller(end: Date) {
  const user = await newUser();
  await db.update(users).set({ planCode: 'pro' }).where(eq(users.id, user.id));
  const [sub] = await db
    .insert(subscriptions)
    .values({ userId: user.id, planCode: 'pro', status: 'active', amount: 1900, currency: 'USD', periodStart: new Date(end.getTime() - 30 * DAY), periodEnd: end })
    .returning();
  const made = [];
  for (const [i, createdAt] of [new Date('2030-01-01'), new Date('2030-02-01')].entries()) {
    // The first store is identity-verified: renewing Pro needs it.
    const [s] = await db.insert(stores).values({ slug: `d-${uid()}`, name: `Tienda ${i}`, currency: 'USD', createdAt, kycStatus: i === 0 ? 'approved' : 'unverified' }).returning();
    await db.insert(storeMembers).values({ storeId: s!.id, userId: user.id, role: 'owner' });
    made.push(s!);
  }
  const productRows = [];
  for (let i = 0; i < 26; i++) {
    const [p] = await db
      .insert(products)
      .values({
        storeId: made[i % 2]!.id,
        slug: `p-${i}-${uid()}`,
        title: `Producto ${i}`,
        price: 1000,
        currency: 'USD',
        status: i === 25 ? 'archived' : 'active',
        updatedAt: new Date(Date.UTC(2030, 0, 1, 0, i)), // product i was edited i minutes after the first
      })
      .returning();
    const [v] = await db.insert(productVariants).values({ productId: p!.id, stock: 3 }).returning();
    productRows.push({ ...p!, variantId: v!.id });
  }
  return { user, sub: sub!, stores: made, products: productRows };
}

describe('subscriptions.sweep', () => {
  it('reminds once 3 days before the end, not when a later period is paid', async () => {
    const end = new Date(Date.now() + 40 * DAY);
    const a = await lapsingSeller(end);
    const b = await lapsingSeller(end);
    await db.insert(subscriptions).values({ userId: b.user.id, planCode: 'pro', status: 'active', amount: 1900, currency: 'USD', periodStart: end, periodEnd: addMonthUtc(end) });

    await sweepSubscriptions({ db, now: new Date(end.getTime() - 4 * DAY), onlyUserIds: SCOPE });
    expect(await emails(a.user.email, 'plan_renewal_reminder')).toHaveLength(0);
    await sweepSubscriptions({ db, now: new Date(end.getTime() - 2 * DAY), onlyUserIds: SCOPE });
    await sweepSubscriptions({ db, now: new Date(end.getTime() - 1 * DAY), onlyUserIds: SCOPE });
    const sent = await emails(a.user.email, 'plan_renewal_reminder');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ periodEnd: end.toISOString(), amount: 1900, currency: 'USD' });
    expect(await emails(b.user.email, 'plan_renewal_reminder')).toHaveLength(0);
  });

  it('at the end: back to Free, oldest store and 20 most recently edited products stay editable, nothing deleted', async () => {
    const end = new Date(Date.now() + 80 * DAY);
    const s = await lapsingSeller(end);
    const at = new Date(end.getTime() + 60_000);
    await sweepSubscriptions({ db, now: new Date(end.getTime() - 60_000), onlyUserIds: SCOPE });
    expect((await db.select().from(users).where(eq(users.id, s.user.id)))[0]!.planCode).toBe('pro');

    await sweepSubscriptions({ db, now: at, onlyUserIds: SCOPE });
    await sweepSubscriptions({ db, now: new Date(at.getTime() + 3_600_000), onlyUserIds: SCOPE });
    expect((await db.select().from(users).where(eq(users.id, s.user.id)))[0]!.planCode).toBe('free');
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, s.sub.id)))[0]!.status).toBe('expired');

    const storeRows = await db.select().from(stores).where(eq(stores.id, s.stores[1]!.id));
    expect(storeRows[0]!.readOnlySince?.toISOString()).toBe(at.toISOString());
    expect((await db.select().from(stores).where(eq(stores.id, s.stores[0]!.id)))[0]!.readOnlySince).toBeNull();

    const all = await db.select().from(products).where(eq(products.storeId, s.stores[0]!.id));
    const all2 = await db.select().from(products).where(eq(products.storeId, s.stores[1]!.id));
    const byTitle = new Map([...all, ...all2].map((p) => [p.title, p]));
    expect(byTitle.size).toBe(26);
    for (let i = 0; i < 5; i++) expect(byTitle.get(`Producto ${i}`)!.readOnlySince?.toISOString()).toBe(at.toISOString());
    for (let i = 5; i < 26; i++) expect(byTitle.get(`Producto ${i}`)!.readOnlySince).toBeNull();
    expect([...byTitle.values()].filter((p) => p.status === 'active')).toHaveLength(25); // none archived

    const sent = await emails(s.user.email, 'plan_downgraded');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ readOnlyStores: 1, readOnlyProducts: 5 });
    const status = await getBillingStatus({ db, userId: s.user.id, now: at });
    expect(status).toMatchObject({ plan: 'free', activePeriod: null, readOnly: { stores: 1, products: 5 } });

    // Read-only is enforced on every seller write path.
    const api = callerFor(db, s.user);
    const locked = byTitle.get('Producto 0')!;
    const lockedVariant = s.products.find((p) => p.id === locked.id)!.variantId;
    const upd = (p: { id: string; storeId: string }, variantId: string) =>
      api.product.update({ storeId: p.storeId, productId: p.id, title: 'Nuevo título', price: 2000, currency: 'USD', variants: [{ id: variantId, options: {}, stock: 3 }] });
    const e1 = await rejectionOf(upd(locked, lockedVariant));
    expect(e1.code).toBe('FORBIDDEN');
    expect(e1.cause?.data?.reason).toBe('READ_ONLY');
    expect(e1.message).toBe('Este producto es de solo lectura en el plan Gratis. Mejora a Pro para editarlo.');
    expect((await rejectionOf(api.product.setStock({ storeId: locked.storeId, variantId: lockedVariant, stock: 9 }))).cause?.data?.reason).toBe('READ_ONLY');
    const e3 = await rejectionOf(api.store.update({ storeId: s.stores[1]!.id, name: 'Otro nombre' }));
    expect(e3.cause?.data?.reason).toBe('READ_ONLY');
    expect(e3.message).toMatch(/solo lectura/);
    // Taking it off sale stays possible; bringing it back is an edit.
    await api.product.archive({ storeId: locked.storeId, productId: locked.id });
    expect((await rejectionOf(api.product.restore({ storeId: locked.storeId, productId: locked.id }))).cause?.data?.reason).toBe('READ_ONLY');
    // Writable ones still save.
    const free = byTitle.get('Producto 24')!;
    await upd(free, s.products.find((p) => p.id === free.id)!.variantId);
    expect((await api.store.update({ storeId: s.stores[0]!.id, name: 'Tienda principal' })).name).toBe('Tienda principal');

    // Paying again makes everything editable at once.
    await startProUpgrade({ db, userId: s.user.id });
    const renewal = (await subsOf(s.user.id)).find((x) => x.status === 'pending')!;
    const { apply } = await payAtSandbox(renewal.checkoutId!);
    expect((await apply()).outcome).toBe('paid');
    expect(await db.select().from(products).where(and(eq(products.storeId, s.stores[1]!.id), isNotNull(products.readOnlySince)))).toHaveLength(0);
    expect((await db.select().from(stores).where(eq(stores.id, s.stores[1]!.id)))[0]!.readOnlySince).toBeNull();
    expect((await upd(locked, lockedVariant)).title).toBe('Nuevo título');
  });

  it('a later paid period covering now keeps Pro; a pending period whose payment expired is cancelled', async () => {
    const end = new Date(Date.now() + 120 * DAY);
    const s = await lapsingSeller(end);
    await db.insert(subscriptions).values({ userId: s.user.id, planCode: 'pro', status: 'active', amount: 1900, currency: 'USD', periodStart: end, periodEnd: addMonthUtc(end) });
    await startProUpgrade({ db, userId: s.user.id });
    const pending = (await subsOf(s.user.id)).find((x) => x.status === 'pending')!;
    await db.update(checkouts).set({ status: 'expired' }).where(eq(checkouts.id, pending.checkoutId!));

    const result = await sweepSubscriptions({ db, now: new Date(end.getTime() + DAY), onlyUserIds: SCOPE });
    expect(result.cancelled).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, s.sub.id)))[0]!.status).toBe('expired');
    expect((await db.select().from(subscriptions).where(eq(subscriptions.id, pending.id)))[0]!.status).toBe('cancelled');
    expect((await db.select().from(users).where(eq(users.id, s.user.id)))[0]!.planCode).toBe('pro');
    expect(await emails(s.user.email, 'plan_downgraded')).toHaveLength(0);
    expect(await db.select().from(products).where(and(eq(products.storeId, s.stores[1]!.id), isNotNull(products.readOnlySince)))).toHaveLength(0);
  });
});
