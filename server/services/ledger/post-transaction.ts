import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { ledgerAccounts, ledgerEntries, ledgerTransactions, type LedgerAccountKind } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** 'platform' or a store id. */
export type LedgerOwner = 'platform' | { storeId: string };

export type LedgerLine = { owner: LedgerOwner; kind: LedgerAccountKind; amount: number };

export type PostTransactionInput = {
  /** e.g. 'payment', 'release', 'refund', 'payout', 'payout_failed', 'subscription', 'tip'. */
  kind: string;
  refType: string;
  refId: string;
  currency: string;
  memo?: string;
  /** Signed amounts, debit positive. Zero lines are dropped; the rest must sum to zero. */
  lines: LedgerLine[];
};

export type PostTransactionResult = { posted: boolean; transactionId: string | null };

const ownerKey = (o: LedgerOwner) => (o === 'platform' ? 'platform' : o.storeId);

/** Finds or creates the (owner, kind, currency) accounts; returns their ids keyed by `${owner}:${kind}`. */
async function accountIds(db: DbOrTx, currency: string, lines: LedgerLine[]): Promise<Map<string, string>> {
  const wanted = new Map<string, { owner: string; storeId: string | null; kind: LedgerAccountKind }>();
  for (const l of lines) {
    const owner = ownerKey(l.owner);
    wanted.set(`${owner}:${l.kind}`, { owner, storeId: l.owner === 'platform' ? null : l.owner.storeId, kind: l.kind });
  }
  await db
    .insert(ledgerAccounts)
    .values([...wanted.values()].map((w) => ({ ...w, currency })))
    .onConflictDoNothing({ target: [ledgerAccounts.owner, ledgerAccounts.kind, ledgerAccounts.currency] });
  const rows = await db
    .select({ id: ledgerAccounts.id, owner: ledgerAccounts.owner, kind: ledgerAccounts.kind })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.currency, currency),
        inArray(ledgerAccounts.owner, [...new Set([...wanted.values()].map((w) => w.owner))]),
      ),
    );
  return new Map(rows.map((r) => [`${r.owner}:${r.kind}`, r.id]));
}

/**
 * Appends one balanced transaction, at most once per (kind, refType, refId): a second call with the same reference
 * posts nothing and answers `posted: false`, so callers can run it again after a crash or a duplicate callback.
 * Must run inside the caller's database transaction (the money movement and the state change it belongs to commit
 * together). Balances are updated in account-id order so concurrent postings never deadlock; an account that would
 * go below zero (as a person reads it) fails with CONFLICT / INSUFFICIENT_FUNDS and nothing is written.
 */
export async function postLedgerTransaction(db: DbOrTx, input: PostTransactionInput): Promise<PostTransactionResult> {
  const lines = input.lines.filter((l) => l.amount !== 0);
  for (const l of lines) if (!Number.isSafeInteger(l.amount)) throw new Error(`ledger amount not an integer: ${l.amount}`);
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  if (sum !== 0) throw new Error(`ledger transaction ${input.kind}/${input.refType}/${input.refId} does not balance (${sum})`);
  if (lines.length === 0) return { posted: false, transactionId: null };

  const [txRow] = await db
    .insert(ledgerTransactions)
    .values({ kind: input.kind, refType: input.refType, refId: input.refId, currency: input.currency, memo: input.memo ?? '' })
    .onConflictDoNothing({ target: [ledgerTransactions.kind, ledgerTransactions.refType, ledgerTransactions.refId] })
    .returning({ id: ledgerTransactions.id });
  if (!txRow) return { posted: false, transactionId: null };

  const ids = await accountIds(db, input.currency, lines);
  const perAccount = new Map<string, number>();
  for (const l of lines) {
    const id = ids.get(`${ownerKey(l.owner)}:${l.kind}`);
    if (!id) throw new Error(`ledger account missing for ${ownerKey(l.owner)}:${l.kind}`);
    perAccount.set(id, (perAccount.get(id) ?? 0) + l.amount);
  }
  await db.insert(ledgerEntries).values(lines.map((l) => ({ transactionId: txRow.id, accountId: ids.get(`${ownerKey(l.owner)}:${l.kind}`)!, amount: l.amount })));
  for (const [id, delta] of [...perAccount.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (delta === 0) continue;
    try {
      await db.update(ledgerAccounts).set({ balance: sql`${ledgerAccounts.balance} + ${delta}` }).where(eq(ledgerAccounts.id, id));
    } catch (err) {
      if (isCheckViolation(err, 'ledger_accounts_never_negative')) {
        throw new AppError('CONFLICT', {
          key: 'ledger.insufficientFunds',
          data: { reason: 'INSUFFICIENT_FUNDS', accountId: id },
          cause: err,
        });
      }
      throw err;
    }
  }
  return { posted: true, transactionId: txRow.id };
}

function isCheckViolation(err: unknown, constraint: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23514' && (e as { constraint_name?: string }).constraint_name === constraint;
}

/** Balances of an owner's accounts in one currency, as a person reads them (never negative). */
export async function ownerBalances(db: DbOrTx, owner: LedgerOwner, currency: string): Promise<Partial<Record<LedgerAccountKind, number>>> {
  const rows = await db
    .select({ kind: ledgerAccounts.kind, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.owner, ownerKey(owner)), eq(ledgerAccounts.currency, currency)));
  return Object.fromEntries(rows.map((r) => [r.kind, readableBalance(r.kind, r.balance)]));
}

export function readableBalance(kind: LedgerAccountKind, balance: number): number {
  return kind === 'clearing' || balance === 0 ? balance : -balance;
}
