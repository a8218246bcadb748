import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { DbOrTx } from '../../db/client';
import { chatRateLimits } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/**
 * Messages per user: a burst limit (a person typing fast) and an hourly one (a script). Counters live in PostgreSQL
 * (rate-limiter-flexible's Drizzle store), so every app instance sees the same count.
 */
export const CHAT_LIMITS = [
  { keyPrefix: 'chat_min', points: 20, duration: 60 },
  { keyPrefix: 'chat_hour', points: 300, duration: 3600 },
] as const;

const limiters = new WeakMap<object, RateLimiterDrizzle[]>();

function limitersFor(db: DbOrTx): RateLimiterDrizzle[] {
  let l = limiters.get(db);
  if (!l) {
    l = CHAT_LIMITS.map((c) => new RateLimiterDrizzle({ storeClient: db, schema: chatRateLimits, keyPrefix: c.keyPrefix, points: c.points, duration: c.duration, clearExpiredByTimeout: false }));
    limiters.set(db, l);
  }
  return l;
}

/** Counts one message for `userId`; TOO_MANY_REQUESTS (with retryAfterSeconds) once a limit is reached. */
export async function consumeMessageQuota(db: DbOrTx, userId: string): Promise<void> {
  for (const limiter of limitersFor(db)) {
    try {
      await limiter.consume(userId, 1);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new AppError('TOO_MANY_REQUESTS', {
          key: 'chat.tooFast',
          params: { seconds: retryAfterSeconds },
          data: { retryAfterSeconds },
        });
      }
      throw e;
    }
  }
}
