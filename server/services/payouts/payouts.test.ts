import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSandboxProject, startCregisSandbox, type CregisSandbox, type SandboxPayout } from '../../../scripts/local/cregis-sandbox';
import { createCregisProvider, type CregisProvider } from '../../adapters/payments/cregis';
import { setPaymentProviderForTests, type PaymentProvider } from '../../adapters/payments';
import { ledgerTransactions, outbox, payouts, storeMembers, stores, type Store } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { ownerBalances, postLedgerTransaction } from '../ledger/post-transaction';
import { applyPayoutUpdate } from './apply-payout-update';
import { payoutHoldPosting } from './postings';
import { requestPayout, submitPayout } from './request-payout';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const TRON = 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC';
const ETH = '0x52908400098527886E0F7030069857D2E4169EE7';

let sandbox: CregisSandbox;
let provider: CregisProvider;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-payouts-'));
  const checkout = newSandboxProject();
  const payout = newSandboxProject();
  // Payouts settle 300 ms after creation, so tests see processing first and the final state soon after.
  sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(dir, 'state.json'), checkout, payout, sweepMs: 50, payoutDelayMs: 300, log: () => {} });
  provider = createCregisProvider({
    baseUrl: sandbox.url,
    pid: checkout.pid,
    apiKey: checkout.apiKey,
    payoutPid: payout.pid,
    payoutApiKey: payout.apiKey,
    callbackMaxAgeS: 300,
  });
});

afterAll(async () => {
  setPaymentProviderForTests(undefined);
  await sandbox?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function sellerStore(opts: { kyc?: 'approved' | 'unverified' | 'pending'; funds?: number } = {}) {
  const user = await createTestUser(db);
  const [store] = await db
    .insert(stores)
    .values({ slug: `p-${uid()}`, name: 'Tienda Retiros', currency: 'USD', kycStatus: opts.kyc ?? 'approved' })
    .returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
  if (opts.funds) await fund(store!, opts.funds);
  return { user, store: store! };
}

/** Money as if buyers had paid and the hold period had passed. */
async function fund(store: Store, amount: number) {
  await postLedgerTransaction(db, {
    kind: 'test_funding',
    refType: 'test',
    refId: crypto.randomUUID(),
    currency: store.currency,
    lines: [
      { owner: 'platform', kind: 'clearing', amount },
      { owner: { storeId: store.id }, kind: 'seller_available', amount: -amount },
    ],
  });
}

// + 0 turns the -0 of an emptied credit-normal account into 0.
const available = async (storeId: string) => ((await ownerBalances(db, { storeId }, 'USD')).seller_available ?? 0) + 0;

async function sandboxPayout(cid: string): Promise<SandboxPayout> {
  const res = await fetch(`${sandbox.url}/sandbox/api/payouts/${cid}`);
  return (await res.json()) as SandboxPayout;
}

/** Waits until the sandbox has finished the payout and returns its signed callback body. */
async function finalCallback(cid: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const p = await sandboxPayout(cid);
    if (p.last_callback) return p.last_callback;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`payout ${cid} never finished`);
}

const emailsOf = async (payoutId: string) =>
  (await db.select().from(outbox)).filter((m) => m.template === 'payout_update' && m.data.payoutId === payoutId).map((m) => m.data.status);

describe('requestPayout', () => {
  it('holds the amount, sends it to the provider and becomes processing', async () => {
    const { user, store } = await sellerStore({ funds: 50_000 });
    const api = callerFor(db, user);
    setPaymentProviderForTests(provider);
    const p = await api.wallet.requestPayout({ storeId: store.id, amount: 12_345, network: 'USDT-TRC20', address: TRON });
    expect(p).toMatchObject({ status: 'processing', amount: 12_345, currency: 'USD', provider: 'cregis', destination: { network: 'USDT-TRC20', address: TRON } });
    expect(p.providerRef).toMatch(/^\d+$/);
    expect(await available(store.id)).toBe(50_000 - 12_345);
    const atProvider = await sandboxPayout(p.providerRef!);
    expect(atProvider).toMatchObject({ third_party_id: p.id, amount: '123.45', address: TRON, callback_url: 'http://127.0.0.1:3999/api/webhooks/cregis/payout' });
    const listed = await api.wallet.listPayouts({ storeId: store.id });
    expect(listed.items.map((i) => [i.id, i.status])).toEqual([[p.id, 'processing']]);
    expect(listed.minimum).toBe(1_000);
  });

  it('requires the store KYC to be approved', async () => {
    const { user, store } = await sellerStore({ kyc: 'pending', funds: 50_000 });
    const err = await rejectionOf(callerFor(db, user).wallet.requestPayout({ storeId: store.id, amount: 5_000, network: 'USDT-TRC20', address: TRON }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.cause?.data?.reason).toBe('KYC_REQUIRED');
    expect(err.message).toMatch(/Verifica tu identidad/);
    expect(await available(store.id)).toBe(50_000);
    expect(await db.select().from(payouts).where(eq(payouts.storeId, store.id))).toHaveLength(0);
  });

  it('is for the owner only', async () => {
    const { store } = await sellerStore({ funds: 50_000 });
    const manager = await createTestUser(db);
    await db.insert(storeMembers).values({ storeId: store.id, userId: manager.id, role: 'manager' });
    const err = await rejectionOf(callerFor(db, manager).wallet.requestPayout({ storeId: store.id, amount: 5_000, network: 'USDT-TRC20', address: TRON }));
    expect(err.code).toBe('FORBIDDEN');
    const stranger = await createTestUser(db);
    expect((await rejectionOf(callerFor(db, stranger).wallet.listPayouts({ storeId: store.id }))).code).toBe('NOT_FOUND');
  });

  it('validates amount, minimum, network and address per network', async () => {
    const { user, store } = await sellerStore({ funds: 50_000 });
    const api = callerFor(db, user);
    const bad = async (input: Record<string, unknown>) =>
      rejectionOf(api.wallet.requestPayout({ storeId: store.id, amount: 5_000, network: 'USDT-TRC20', address: TRON, ...input } as never));
    expect((await bad({ amount: 0 })).code).toBe('BAD_REQUEST');
    expect((await bad({ amount: 10.5 })).code).toBe('BAD_REQUEST');
    expect((await bad({ network: 'BTC' })).code).toBe('BAD_REQUEST');
    const tronAsEth = await bad({ network: 'USDT-ERC20', address: TRON });
    expect(tronAsEth.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(tronAsEth.cause)).toMatch(/Dirección inválida para USDT \(Ethereum/);
    expect((await bad({ address: ETH })).code).toBe('BAD_REQUEST');
    expect((await bad({ address: 'T' + 'O'.repeat(33) })).code).toBe('BAD_REQUEST'); // O is not base58
    const low = await bad({ amount: 999 });
    expect(low.cause?.data?.reason).toBe('BELOW_MINIMUM');
    expect(low.cause?.fields?.amount).toMatch(/mínimo/);
    expect(await available(store.id)).toBe(50_000);
  });

  it('refuses more than the available balance', async () => {
    const { user, store } = await sellerStore({ funds: 20_000 });
    const err = await rejectionOf(callerFor(db, user).wallet.requestPayout({ storeId: store.id, amount: 20_001, network: 'USDT-ERC20', address: ETH }));
    expect(err.code).toBe('CONFLICT');
    expect(err.cause?.data).toMatchObject({ reason: 'INSUFFICIENT_FUNDS', available: 20_000 });
    expect(await available(store.id)).toBe(20_000);
  });

  it('two concurrent requests for the whole balance: exactly one goes through', async () => {
    const { user, store } = await sellerStore({ funds: 30_000 });
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => requestPayout({ db, provider, store, userId: user.id, input: { storeId: store.id, amount: 30_000, network: 'USDT-TRC20', address: TRON } })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { data?: { reason?: string } }).data?.reason)).toEqual(['INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS']);
    expect(await available(store.id)).toBe(0);
    const rows = await db.select().from(payouts).where(eq(payouts.storeId, store.id));
    expect(rows.map((r) => r.status)).toEqual(['processing']);
  });

  it('a provider failure marks the payout failed and gives the money back', async () => {
    const { user, store } = await sellerStore({ funds: 40_000 });
    // Nothing listens on port 9: the adapter's request fails like an unreachable provider.
    const down: PaymentProvider = createCregisProvider({ baseUrl: 'http://127.0.0.1:9', pid: '1', apiKey: 'k', callbackMaxAgeS: 300, timeoutMs: 1000 });
    const err = (await requestPayout({ db, provider: down, store, userId: user.id, input: { storeId: store.id, amount: 15_000, network: 'USDT-TRC20', address: TRON } }).then(
      () => ({ code: 'resolved', data: { payoutId: '' } }),
      (e: unknown) => e,
    )) as { code: string; data: { payoutId: string } };
    expect(err.code).toBe('UPSTREAM_FAILED');
    const [row] = await db.select().from(payouts).where(eq(payouts.id, err.data.payoutId));
    expect(row).toMatchObject({ status: 'failed', providerRef: null });
    expect(await available(store.id)).toBe(40_000);
    expect(await emailsOf(row!.id)).toEqual(['failed']);
  });
});

describe('applyPayoutUpdate', () => {
  it('paid callback (real sandbox, signed): paid once however often it arrives; a late processing changes nothing', async () => {
    const { user, store } = await sellerStore({ funds: 25_000 });
    const p = await requestPayout({ db, provider, store, userId: user.id, input: { storeId: store.id, amount: 25_000, network: 'USDT-TRC20', address: TRON } });
    const raw = await finalCallback(p.providerRef!);
    const cb = provider.parsePayoutCallback(raw);
    expect(cb).toMatchObject({ state: 'paid', providerStatus: 6, payoutId: p.id });

    expect(await applyPayoutUpdate({ db, provider: 'cregis', report: cb, source: 'callback' })).toEqual({ outcome: 'paid', payoutId: p.id });
    for (let i = 0; i < 3; i++) {
      expect((await applyPayoutUpdate({ db, provider: 'cregis', report: provider.parsePayoutCallback(raw), source: 'callback' })).outcome).toBe('unchanged');
    }
    const late = { providerRef: p.providerRef!, payoutId: p.id, state: 'processing' as const, providerStatus: 0 };
    expect((await applyPayoutUpdate({ db, provider: 'cregis', report: late, source: 'reconcile' })).outcome).toBe('unchanged');
    const reconciled = await provider.getPayout(p.providerRef!);
    expect((await applyPayoutUpdate({ db, provider: 'cregis', report: reconciled, source: 'reconcile' })).outcome).toBe('unchanged');

    const [row] = await db.select().from(payouts).where(eq(payouts.id, p.id));
    expect(row).toMatchObject({ status: 'paid', providerStatus: 6 });
    expect(await available(store.id)).toBe(0);
    expect(await emailsOf(p.id)).toEqual(['paid']);
  });

  it('failed at the provider (sandbox FAIL address): released to available once, duplicates ignored', async () => {
    const { user, store } = await sellerStore({ funds: 18_000 });
    // The sandbox fails payouts to addresses starting with FAIL; request validation would refuse one, so hold directly.
    const [held] = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(payouts)
        .values({ storeId: store.id, requestedBy: user.id, amount: 18_000, currency: 'USD', destination: { network: 'USDT-TRC20', address: 'FAIL-test' }, provider: 'cregis' })
        .returning();
      await postLedgerTransaction(tx, payoutHoldPosting(rows[0]!));
      return rows;
    });
    const sent = await submitPayout({ db, provider, payoutId: held!.id });
    expect(sent.status).toBe('processing');
    expect(await available(store.id)).toBe(0);
    const raw = await finalCallback(sent.providerRef!);
    const cb = provider.parsePayoutCallback(raw);
    expect(cb.state).toBe('failed');

    const outcomes = await Promise.all([0, 1, 2].map(() => applyPayoutUpdate({ db, provider: 'cregis', report: cb, source: 'callback' })));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['failed', 'unchanged', 'unchanged']);
    expect(await available(store.id)).toBe(18_000);
    const releases = await db.select().from(ledgerTransactions).where(eq(ledgerTransactions.refId, held!.id));
    expect(releases.map((t) => t.kind).sort()).toEqual(['payout_hold', 'payout_release']);
    // A contradicting 'paid' after the money went back is not acted on.
    expect((await applyPayoutUpdate({ db, provider: 'cregis', report: { ...cb, state: 'paid', providerStatus: 6 }, source: 'reconcile' })).outcome).toBe('conflict');
    expect(await available(store.id)).toBe(18_000);
    expect(await emailsOf(held!.id)).toEqual(['failed']);
  });

  it('out of order: final state before the processing report, and a callback that beats the provider ref write', async () => {
    const { user, store } = await sellerStore({ funds: 10_000 });
    const [held] = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(payouts)
        .values({ storeId: store.id, requestedBy: user.id, amount: 10_000, currency: 'USD', destination: { network: 'USDT-ERC20', address: ETH }, provider: 'cregis' })
        .returning();
      await postLedgerTransaction(tx, payoutHoldPosting(rows[0]!));
      return rows;
    });
    // Rejected by the provider's audit (status 4), found by our id since no provider ref is stored yet.
    const rejected = { providerRef: '9876543210', payoutId: held!.id, state: 'rejected' as const, providerStatus: 4 };
    expect((await applyPayoutUpdate({ db, provider: 'cregis', report: rejected, source: 'callback' })).outcome).toBe('rejected');
    const processing = { ...rejected, state: 'processing' as const, providerStatus: 1 };
    expect((await applyPayoutUpdate({ db, provider: 'cregis', report: processing, source: 'callback' })).outcome).toBe('unchanged');
    const [row] = await db.select().from(payouts).where(eq(payouts.id, held!.id));
    expect(row).toMatchObject({ status: 'rejected', providerRef: '9876543210', providerStatus: 4 });
    expect(await available(store.id)).toBe(10_000);
    // submitPayout after that never sends it (no longer requested).
    expect((await submitPayout({ db, provider, payoutId: held!.id })).status).toBe('rejected');
  });

  it('ignores reports for payouts it does not know', async () => {
    const report = { providerRef: '1234', payoutId: 'not-a-uuid', state: 'paid' as const, providerStatus: 6 };
    expect(await applyPayoutUpdate({ db, provider: 'cregis', report, source: 'callback' })).toEqual({ outcome: 'unknown_payout' });
  });
});
