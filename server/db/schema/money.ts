import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stores, users } from './identity';

/**
 * Ledger accounts. Amounts in entries are signed: positive = debit, negative = credit. An account's balance as a
 * person reads it is `balance` for the one debit-normal kind (clearing) and `-balance` for the credit-normal kinds
 * (what the platform owes or earned). No account may go below zero as a person reads it
 * (CHECK on ledger_accounts, kept by the same statement that appends the entries).
 *
 * clearing             platform asset: money received at the payment provider, not yet paid out
 * seller_pending       per store: sales not yet releasable (hold until delivery / hold period)
 * seller_available     per store: withdrawable
 * payouts_in_transit   per store: payout requested, provider not done yet (still owed to the seller)
 * commission_revenue   platform income from order commissions
 * subscription_revenue platform income from Pro plans
 * unallocated          platform liability: money received that is not (yet) owed to anyone (under/over-payments,
 *                      late payments) — waits for a person or for the rest of the payment
 */
export const ledgerAccountKind = pgEnum('ledger_account_kind', [
  'clearing',
  'seller_pending',
  'seller_available',
  'payouts_in_transit',
  'commission_revenue',
  'subscription_revenue',
  'unallocated',
]);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'platform' or the store id: one account per (owner, kind, currency). */
    owner: text('owner').notNull(),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'restrict' }),
    kind: ledgerAccountKind('kind').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Sum of this account's entries (debit-positive), maintained in the posting transaction. */
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_owner_kind_currency_idx').on(t.owner, t.kind, t.currency),
    check(
      'ledger_accounts_never_negative',
      sql`CASE WHEN ${t.kind} = 'clearing' THEN ${t.balance} >= 0 ELSE ${t.balance} <= 0 END`,
    ),
    check('ledger_accounts_owner', sql`(${t.owner} = 'platform') = (${t.storeId} IS NULL)`),
  ],
);

/**
 * One money movement. UNIQUE(kind, ref_type, ref_id) is what makes "the same callback 5 times" one effect:
 * the second posting of the same movement conflicts and is skipped.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    memo: text('memo').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_transactions_kind_ref_idx').on(t.kind, t.refType, t.refId)],
);

/** Append-only (trigger); the entries of a transaction sum to zero (deferred constraint trigger). */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: 'restrict' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_transaction_id_idx').on(t.transactionId),
    index('ledger_entries_account_id_id_idx').on(t.accountId, t.id),
    check('ledger_entries_nonzero', sql`${t.amount} <> 0`),
  ],
);

// ── Payouts ─────────────────────────────────────────────────────────────────────────────────────────────────────
/** requested → processing (provider accepted) → paid | failed | rejected. Provider codes kept in provider_status. */
export const payoutStatus = pgEnum('payout_status', ['requested', 'processing', 'paid', 'failed', 'rejected']);

export type PayoutDestination = { network: string; address: string };

export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    destination: jsonb('destination').$type<PayoutDestination>().notNull(),
    provider: text('provider').notNull(),
    /** Cregis `cid`. */
    providerRef: text('provider_ref'),
    providerStatus: integer('provider_status'),
    status: payoutStatus('status').notNull().default('requested'),
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payouts_store_id_created_at_idx').on(t.storeId, t.createdAt),
    uniqueIndex('payouts_provider_provider_ref_idx').on(t.provider, t.providerRef),
    check('payouts_amount_pos', sql`${t.amount} > 0`),
  ],
);

// ── Commissions ─────────────────────────────────────────────────────────────────────────────────────────────────
export const commissionKind = pgEnum('commission_kind', ['FIXED', 'PERCENTAGE', 'MIXED', 'TIERED']);

/**
 * params by kind (amounts in minor units of the order currency, rates in basis points: 500 = 5 %):
 *   FIXED      { fixed }
 *   PERCENTAGE { bps }
 *   MIXED      { fixed, bps }
 *   TIERED     { tiers: [{ upTo: number | null, bps, fixed? }] } — the tier is chosen by the store's paid sales
 *              of the current calendar month before this order; upTo null = and above.
 */
export type CommissionParams =
  | { fixed: number }
  | { bps: number }
  | { fixed: number; bps: number }
  | { tiers: { upTo: number | null; bps: number; fixed?: number }[] };

export const commissionRules = pgTable('commission_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: commissionKind('kind').notNull(),
  params: jsonb('params').$type<CommissionParams>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A platform admin's per-store choice of rule; wins over the owner's plan rule. */
export const storeCommissionOverrides = pgTable('store_commission_overrides', {
  storeId: uuid('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  ruleId: uuid('rule_id')
    .notNull()
    .references(() => commissionRules.id, { onDelete: 'restrict' }),
  setBy: text('set_by').references(() => users.id, { onDelete: 'set null' }),
  reason: text('reason').notNull().default(''),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ledgerAccountsRelations = relations(ledgerAccounts, ({ many }) => ({ entries: many(ledgerEntries) }));
export const ledgerTransactionsRelations = relations(ledgerTransactions, ({ many }) => ({ entries: many(ledgerEntries) }));
export const ledgerEntriesRelations = relations(ledgerEntries, ({ one }) => ({
  transaction: one(ledgerTransactions, { fields: [ledgerEntries.transactionId], references: [ledgerTransactions.id] }),
  account: one(ledgerAccounts, { fields: [ledgerEntries.accountId], references: [ledgerAccounts.id] }),
}));

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;
export type LedgerAccountKind = LedgerAccount['kind'];
export type LedgerTransaction = typeof ledgerTransactions.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type Payout = typeof payouts.$inferSelect;
export type CommissionRule = typeof commissionRules.$inferSelect;
