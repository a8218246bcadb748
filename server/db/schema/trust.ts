import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores, users } from './identity';

// ── Identity verification (DIDIT) ───────────────────────────────────────────────────────────────────────────────
export const kycKind = pgEnum('kyc_kind', ['individual', 'business']);

/** DIDIT's status strings, exact and case-sensitive (INTEGRATIONS.md §1). */
export const DIDIT_STATUSES = [
  'Not Started',
  'In Progress',
  'Approved',
  'Declined',
  'In Review',
  'Awaiting User',
  'Resubmitted',
  'Expired',
  'Abandoned',
  'Kyc Expired',
] as const;
export type DiditStatus = (typeof DIDIT_STATUSES)[number];

/**
 * One verification attempt of a store (KYC of the owner as a person, or KYB of the business). The store's
 * `kyc_status` is derived from these rows by the KYC service; `status` keeps the provider's own word.
 */
export const kycSessions = pgTable(
  'kyc_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Who started it (the store owner). */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: kycKind('kind').notNull(),
    provider: text('provider').notNull().default('didit'),
    providerSessionId: text('provider_session_id').notNull(),
    sessionUrl: text('session_url').notNull(),
    workflowId: text('workflow_id').notNull(),
    status: text('status').$type<DiditStatus>().notNull(),
    /** When the provider said `status` (webhook timestamp or poll time): older reports are ignored. */
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    /** The provider's decision document (Approved/Declined/In Review/Abandoned), as received. */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    /** An admin's call on an In Review case. */
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    /** Last time the reconcile job asked the provider about it. */
    polledAt: timestamp('polled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kyc_sessions_provider_session_idx').on(t.provider, t.providerSessionId),
    index('kyc_sessions_store_id_idx').on(t.storeId, t.createdAt),
    index('kyc_sessions_status_idx').on(t.status, t.updatedAt),
    check(
      'kyc_sessions_status_known',
      sql`${t.status} in ('Not Started','In Progress','Approved','Declined','In Review','Awaiting User','Resubmitted','Expired','Abandoned','Kyc Expired')`,
    ),
  ],
);

/** Verified DIDIT webhooks, stored once (UNIQUE dedupe key = hash of the canonical body) before they are acted on. */
export const kycEvents = pgTable(
  'kyc_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull().default('didit'),
    dedupeKey: text('dedupe_key').notNull(),
    providerSessionId: text('provider_session_id').notNull(),
    webhookType: text('webhook_type').notNull(),
    status: text('status'),
    /** Seconds since the epoch the provider stamped the event with (body `timestamp`, else X-Timestamp). */
    eventAt: timestamp('event_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('kyc_events_provider_dedupe_key_idx').on(t.provider, t.dedupeKey),
    index('kyc_events_session_idx').on(t.providerSessionId),
    index('kyc_events_unprocessed_idx').on(t.receivedAt).where(sql`${t.processedAt} is null`),
  ],
);

// ── Tamper-evident audit log ────────────────────────────────────────────────────────────────────────────────────
/**
 * Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE). `hash` = SHA-512(prev_hash ‖ canonical entry), so editing,
 * deleting or reordering any row breaks the chain at that row. `seq` is gapless: appends are serialized.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** `user:<sub>`, `admin:<sub>`, `system:<job>`, `provider:didit`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** `store:<id>`, `user:<id>`, `payout:<id>`, … */
    subject: text('subject').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: char('prev_hash', { length: 128 }).notNull(),
    hash: char('hash', { length: 128 }).notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subject, t.seq), index('audit_log_action_idx').on(t.action, t.seq), uniqueIndex('audit_log_hash_idx').on(t.hash)],
);

/** Devices a user has signed in from (hash of user agent family + IP /24), so a new one can be audited once. */
export const userDevices = pgTable(
  'user_devices',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fingerprint: text('fingerprint').notNull(),
    label: text('label').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_devices_user_fingerprint_idx').on(t.userId, t.fingerprint)],
);

// ── Marketplace curation ────────────────────────────────────────────────────────────────────────────────────────
export type RankingWeights = { relevance: number; sales: number; recency: number; verified: number; featured: number };

/** One row (id = 1): how the marketplace orders products. Admins tune it; search reads it. */
export const marketplaceSettings = pgTable(
  'marketplace_settings',
  {
    id: integer('id').primaryKey().default(1),
    weights: jsonb('weights').$type<RankingWeights>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('marketplace_settings_single_row', sql`${t.id} = 1`)],
);

/** Why a store is suspended (the status itself lives on stores.status). */
export const storeSuspensions = pgTable(
  'store_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    suspendedBy: text('suspended_by').notNull(),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }).notNull().defaultNow(),
    restoredBy: text('restored_by'),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    /** True when the store was suspended because its owner's account was: restoring the owner restores it. */
    byOwnerSuspension: boolean('by_owner_suspension').notNull().default(false),
  },
  (t) => [index('store_suspensions_store_idx').on(t.storeId, t.suspendedAt)],
);

export type KycSession = typeof kycSessions.$inferSelect;
export type KycEvent = typeof kycEvents.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
