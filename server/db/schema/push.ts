import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/**
 * Web Push subscriptions (one per browser/device a person allowed notifications on). The endpoint is the push
 * service's URL for that browser and is unique; keys are the browser's P-256 public key and auth secret that the
 * payload is encrypted to. A 404/410 from the push service deletes the row.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** Consecutive failed sends (not 404/410); reset on success. */
    failures: integer('failures').notNull().default(0),
  },
  (t) => [index('push_subscriptions_user_id_idx').on(t.userId)],
);

/** What a person wants to be notified about (all on by default; a missing row means defaults). */
export const pushPreferences = pgTable('push_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  newOrder: boolean('new_order').notNull().default(true),
  newMessage: boolean('new_message').notNull().default(true),
  storeLive: boolean('store_live').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
