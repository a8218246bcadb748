import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const storeStatus = pgEnum('store_status', ['active', 'suspended']);
export const kycStatus = pgEnum('kyc_status', ['unverified', 'pending', 'approved', 'declined']);
export const memberRole = pgEnum('member_role', ['owner', 'manager', 'staff']);
export const planCode = pgEnum('plan_code', ['free', 'pro']);

/** id is the Cognito `sub`; the row is created idempotently on first sight. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    locale: text('locale').notNull().default('es'),
    planCode: planCode('plan_code').notNull().default('free'),
    /**
     * Set while an admin has suspended the account (server/services/admin/users.ts): no sign-in, no session, no
     * authed procedure, and the stores it owns are suspended with it. Null = in good standing.
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspendedReason: text('suspended_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The CRM matches guest orders to accounts by normalised email (server/services/crm/customers.ts).
  (t) => [index('users_email_normalized_idx').on(sql`lower(btrim(${t.email}))`)],
);

export type PlanLimits = { stores: number; activeProducts: number; photosPerProduct: number };

/** Plans are data: limits live here, the server reads them, the UI shows them. */
export const plans = pgTable('plans', {
  code: planCode('code').primaryKey(),
  nameEs: text('name_es').notNull(),
  nameEn: text('name_en').notNull(),
  limits: jsonb('limits').$type<PlanLimits>().notNull(),
  monthlyPrice: bigint('monthly_price', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  /** commission_rules.code applied to this plan's stores unless an admin set a per-store override. */
  commissionRule: text('commission_rule').notNull().default('free_default'),
});

export const stores = pgTable(
  'stores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    logoMediaId: uuid('logo_media_id'),
    brandColor: char('brand_color', { length: 7 }).notNull().default('#7c3aed'),
    whatsapp: text('whatsapp'),
    currency: char('currency', { length: 3 }).notNull(),
    status: storeStatus('status').notNull().default('active'),
    kycStatus: kycStatus('kyc_status').notNull().default('unverified'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    featured: integer('featured').notNull().default(0),
    /** Set when the owner's plan dropped and this store is over the limit: visible, sells, but cannot be edited. */
    readOnlySince: timestamp('read_only_since', { withTimezone: true }),
    /** Days after payment before seller funds become available when the order is not marked delivered first. */
    fundsHoldDays: integer('funds_hold_days').notNull().default(14),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stores_slug_idx').on(t.slug),
    index('stores_featured_idx').on(t.featured),
    check('stores_slug_format', sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$'`),
  ],
);

/** The one place that says who may act for a store; sellerProcedure reads it. */
export const storeMembers = pgTable(
  'store_members',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    invitedBy: text('invited_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.userId] }), index('store_members_user_id_idx').on(t.userId)],
);

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(storeMembers) }));
export const storesRelations = relations(stores, ({ many }) => ({ members: many(storeMembers) }));
export const storeMembersRelations = relations(storeMembers, ({ one }) => ({
  store: one(stores, { fields: [storeMembers.storeId], references: [stores.id] }),
  user: one(users, { fields: [storeMembers.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Store = typeof stores.$inferSelect;
export type StoreMember = typeof storeMembers.$inferSelect;
export type Plan = typeof plans.$inferSelect;
