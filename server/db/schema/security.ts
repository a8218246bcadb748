import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters of the general rate limiter (server/http/rate-limit.ts, rate-limiter-flexible's Drizzle store): one row
 * per limit and key (`<limit>:<ip|user>`), shared by every app instance.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
