import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Durable real-time events (server/realtime/). Each channel ("conv:<id>", "store:<id>", "user:<id>", "show:<id>")
 * has a gapless sequence: publishing takes the channel row's lock (`last_seq + 1`), so within a channel the
 * sequence order is the commit order, a subscriber can tell a gap (missed NOTIFY) from a duplicate, and resume
 * exactly after its last event id. NOTIFY carries only "<channel> <seq>"; payloads are read from here.
 */
export const realtimeChannels = pgTable('realtime_channels', {
  channel: text('channel').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

export const realtimeEvents = pgTable(
  'realtime_events',
  {
    channel: text('channel').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.seq] }), index('realtime_events_created_at_idx').on(t.createdAt)],
);

export type RealtimeEventRow = typeof realtimeEvents.$inferSelect;
