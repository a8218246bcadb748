import { and, count, countDistinct, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { ledgerAccounts, ledgerEntries, ledgerTransactions, payouts, type Store } from '../../db/schema';
import { ownerBalances, readableBalance } from '../ledger/post-transaction';
import { ZGetWalletInput, type TGetWalletInput } from './schemas';

/**
 * The store's money in its currency: pending (held until delivery or the hold period), available (withdrawable),
 * in transit (payouts the provider has not finished); one row per ledger transaction that touched the store, with
 * how each of those three changed as the seller reads it; and the payouts.
 */
export async function getWallet({ db, store, input }: { db: DbOrTx; store: Store; input: TGetWalletInput }) {
  const q = ZGetWalletInput.parse(input);
  const currency = store.currency;
  const storeAccounts = and(eq(ledgerAccounts.storeId, store.id), eq(ledgerAccounts.currency, currency));
  // Each account's change as the seller reads it, with the sign the ledger module gives that kind (all three are
  // what the platform owes the store: credit-normal).
  const delta = (kind: 'seller_pending' | 'seller_available' | 'payouts_in_transit') =>
    sql<number>`coalesce(sum(case when ${ledgerAccounts.kind} = ${kind} then ${ledgerEntries.amount} * ${readableBalance(kind, 1)} end), 0)::bigint`.mapWith(Number);

  const [balances, txRows, [txTotal], payoutRows, [payoutTotal]] = await Promise.all([
    ownerBalances(db, { storeId: store.id }, currency),
    db
      .select({
        id: ledgerTransactions.id,
        kind: ledgerTransactions.kind,
        refType: ledgerTransactions.refType,
        refId: ledgerTransactions.refId,
        memo: ledgerTransactions.memo,
        createdAt: ledgerTransactions.createdAt,
        pending: delta('seller_pending'),
        available: delta('seller_available'),
        inTransit: delta('payouts_in_transit'),
      })
      .from(ledgerEntries)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(storeAccounts)
      .groupBy(ledgerTransactions.id)
      .orderBy(desc(ledgerTransactions.createdAt), desc(ledgerTransactions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: countDistinct(ledgerEntries.transactionId) })
      .from(ledgerEntries)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
      .where(storeAccounts),
    db.select().from(payouts).where(eq(payouts.storeId, store.id)).orderBy(desc(payouts.createdAt), desc(payouts.id)).limit(50),
    db.select({ n: count() }).from(payouts).where(eq(payouts.storeId, store.id)),
  ]);

  const transactions = txRows.map((t) => {
    const total = t.pending + t.available + t.inTransit;
    // A movement between the seller's own buckets (release, payout request) changes nothing in total: show what
    // happened to the available money then, which is what the seller watches.
    const amount = total !== 0 ? total : t.available;
    return { ...t, amount };
  });

  return {
    currency,
    kycStatus: store.kycStatus,
    canWithdraw: store.kycStatus === 'approved' && (balances.seller_available ?? 0) > 0,
    balances: {
      pending: balances.seller_pending ?? 0,
      available: balances.seller_available ?? 0,
      inTransit: balances.payouts_in_transit ?? 0,
    },
    transactions,
    transactionsTotal: txTotal?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    payouts: payoutRows,
    payoutsTotal: payoutTotal?.n ?? 0,
  };
}
