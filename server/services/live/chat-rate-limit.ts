import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { DbOrTx } from '../../db/client';
import { chatRateLimits } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/**
 * Live chat per user and show: a short burst (a fast typist) and a per-minute cap (a script). Counters live in
 * PostgreSQL through rate-limiter-flexible (the same store as the inbox chat), so every instance agrees. A flooding
 * viewer is refused; others keep chatting.
 */
export const LIVE_CHAT_LIMITS = [
  { keyPrefix: 'live_chat_burst', points: 5, duration: 10 },
  { keyPrefix: 'live_chat_min', points: 20, duration: 60 },
] as const;

const limiters = new WeakMap<object, RateLimiterDrizzle[]>();

export async function consumeLiveChatQuota(db: DbOrTx, userId: string, showId: string): Promise<void> {
  let l = limiters.get(db);
  if (!l) {
    l = LIVE_CHAT_LIMITS.map((c) => new RateLimiterDrizzle({ storeClient: db, schema: chatRateLimits, keyPrefix: c.keyPrefix, points: c.points, duration: c.duration, clearExpiredByTimeout: false }));
    limiters.set(db, l);
  }
  for (const limiter of l) {
    try {
      await limiter.consume(`${showId}:${userId}`, 1);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new AppError('TOO_MANY_REQUESTS', { key: 'live.chatTooFast', params: { seconds: retryAfterSeconds }, data: { retryAfterSeconds } });
      }
      throw e;
    }
  }
}
