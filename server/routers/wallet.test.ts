import { describe, expect, it } from 'vitest';
import { payouts } from '../db/schema';
import { postLedgerTransaction } from '../services/ledger/post-transaction';
import { payoutHoldPosting, payoutPaidPosting } from '../services/payouts/postings';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

async function sellerWithStore(currency: 'PEN' | 'USD' = 'PEN') {
  const user = await createTestUser(db);
  const api = callerFor(db, user);
  const store = await api.store.create({ name: 'Tejidos Quispe', slug: uniqueSlug('w'), currency });
  return { user, api, store };
}

/** A paid order as the payment flow posts it: the provider holds the money, the seller is owed it less commission. */
const sale = (storeId: string, ref: string, total: number, commission: number, currency = 'PEN') =>
  db.transaction((tx) =>
    postLedgerTransaction(tx, {
      kind: 'payment',
      refType: 'order',
      refId: ref,
      currency,
      memo: `Pedido ${ref}`,
      lines: [
        { owner: 'platform', kind: 'clearing', amount: total },
        { owner: { storeId }, kind: 'seller_pending', amount: -(total - commission) },
        { owner: 'platform', kind: 'commission_revenue', amount: -commission },
      ],
    }),
  );

const release = (storeId: string, ref: string, amount: number) =>
  db.transaction((tx) =>
    postLedgerTransaction(tx, {
      kind: 'release',
      refType: 'order',
      refId: ref,
      currency: 'PEN',
      lines: [
        { owner: { storeId }, kind: 'seller_pending', amount },
        { owner: { storeId }, kind: 'seller_available', amount: -amount },
      ],
    }),
  );

describe('wallet', () => {
  it('starts empty and cannot withdraw while KYC is not approved', async () => {
    const { api, store } = await sellerWithStore();
    const w = await api.wallet.get({ storeId: store.id });
    expect(w).toMatchObject({
      currency: 'PEN',
      kycStatus: 'unverified',
      canWithdraw: false,
      balances: { pending: 0, available: 0, inTransit: 0 },
      transactions: [],
      transactionsTotal: 0,
      payouts: [],
    });
  });

  it('reads back posted sales and releases as the seller sees them, newest first', async () => {
    const { api, store } = await sellerWithStore();
    const ref1 = crypto.randomUUID();
    const ref2 = crypto.randomUUID();
    await sale(store.id, ref1, 20_000, 1_000);
    await sale(store.id, ref2, 5_000, 250);
    await release(store.id, ref1, 19_000);
    // Another currency's and another store's money never shows here.
    await sale(store.id, crypto.randomUUID(), 7_000, 0, 'USD');
    const other = await sellerWithStore();
    await sale(other.store.id, crypto.randomUUID(), 9_999, 0);

    const w = await api.wallet.get({ storeId: store.id });
    expect(w.balances).toEqual({ pending: 4_750, available: 19_000, inTransit: 0 });
    expect(w.transactionsTotal).toBe(3);
    expect(w.transactions.map((t) => [t.kind, t.refId, t.amount, t.pending, t.available])).toEqual([
      ['release', ref1, 19_000, -19_000, 19_000],
      ['payment', ref2, 4_750, 4_750, 0],
      ['payment', ref1, 19_000, 19_000, 0],
    ]);
    expect(w.transactions[2]!.memo).toBe(`Pedido ${ref1}`);

    const page2 = await api.wallet.get({ storeId: store.id, page: 2, pageSize: 5 });
    expect(page2.transactions).toEqual([]);
    expect(page2.transactionsTotal).toBe(3);
  });

  it('follows a payout: hold moves available to in transit, paid takes it out', async () => {
    const { api, store } = await sellerWithStore();
    await sale(store.id, crypto.randomUUID(), 10_000, 0);
    const ref = crypto.randomUUID();
    await release(store.id, ref, 10_000);
    const payoutId = crypto.randomUUID();
    const p = { id: payoutId, storeId: store.id, amount: 6_000, currency: 'PEN' };
    await db.transaction((tx) => postLedgerTransaction(tx, payoutHoldPosting(p)));
    let w = await api.wallet.get({ storeId: store.id });
    expect(w.balances).toEqual({ pending: 0, available: 4_000, inTransit: 6_000 });
    expect(w.transactions[0]).toMatchObject({ kind: 'payout_hold', available: -6_000, inTransit: 6_000, amount: -6_000 });
    await db.transaction((tx) => postLedgerTransaction(tx, payoutPaidPosting(p)));
    w = await api.wallet.get({ storeId: store.id });
    expect(w.balances).toEqual({ pending: 0, available: 4_000, inTransit: 0 });
    expect(w.transactions[0]).toMatchObject({ kind: 'payout', inTransit: -6_000, amount: -6_000 });
  });

  it('lists payouts and keeps other stores out', async () => {
    const { api, user, store } = await sellerWithStore();
    await db.insert(payouts).values({
      storeId: store.id,
      requestedBy: user.id,
      amount: 5_000,
      currency: 'PEN',
      destination: { network: 'USDT-TRC20', address: 'TXYZ1234567890abcdefghijklmnopqrs' },
      provider: 'cregis',
      status: 'processing',
    });
    const w = await api.wallet.get({ storeId: store.id });
    expect(w.payouts.map((p) => [p.amount, p.status])).toEqual([[5_000, 'processing']]);
    expect(w.payoutsTotal).toBe(1);

    const stranger = callerFor(db, await createTestUser(db));
    expect((await rejectionOf(stranger.wallet.get({ storeId: store.id }))).code).toBe('NOT_FOUND');
  });
});
