import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { memberRole, stores, users } from './identity';

/**
 * An owner's invitation to join a store as manager or staff. The link carries a random token; only its SHA-256 is
 * stored, so a database read does not hand out working links. Bound to the invited email: the person who accepts
 * must be signed in with that address. One open invitation per store and email (re-inviting renews it).
 */
export const storeInvitations = pgTable(
  'store_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: memberRole('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    locale: text('locale').notNull().default('es'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('store_invitations_token_hash_idx').on(t.tokenHash),
    uniqueIndex('store_invitations_open_store_id_email_idx')
      .on(t.storeId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index('store_invitations_store_id_created_at_idx').on(t.storeId, t.createdAt),
    check('store_invitations_role_not_owner', sql`${t.role} <> 'owner'`),
    check('store_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

export type StoreInvitation = typeof storeInvitations.$inferSelect;
