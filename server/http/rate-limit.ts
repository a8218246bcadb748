import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { DbOrTx } from '../db/client';
import { rateLimits } from '../db/schema';
import { AppError } from '../errors/app-error';
import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';
import { defaultLocale, type Locale } from '../i18n/config';
import { logger } from '../log/logger';

/**
 * Rate limits for the routes abuse targets. Counters live in PostgreSQL (rate-limiter-flexible's Drizzle store on the
 * app's own postgres.js connection), so every app instance sees one count per key; if the database cannot answer,
 * an in-memory limiter per instance takes over for that call (the `insuranceLimiter`), so an outage of the counter
 * never turns into "no limit" nor into an error page.
 *
 * Use from a route handler: `const limited = await rateLimitResponse(db, 'webhook', clientIp(req.headers)); if (limited) return limited;`
 * from a service or procedure: `await consumeRateLimit(db, 'checkout', key)` → AppError TOO_MANY_REQUESTS with
 * `data.retryAfterSeconds` (the tRPC route turns it into HTTP 429 + Retry-After).
 */
export const RATE_LIMITS = {
  /** Sessions created from Cognito tokens (the end of every sign-in and sign-up), per IP. The password and code
   *  steps themselves go from the browser to Cognito, which throttles them (and its advanced security in AWS). */
  signIn: { points: 60, duration: 5 * 60 },
  /** Token refreshes, per IP. */
  refresh: { points: 60, duration: 5 * 60 },
  /** Checkouts opened, per buyer (user, else guest cart, else IP). */
  checkout: { points: 20, duration: 60 },
  /** Upload URLs handed out, per user. */
  upload: { points: 60, duration: 60 },
  /** Team invitations sent, per store. */
  invite: { points: 30, duration: 60 * 60 },
  /** Chat messages, per user (H-CHAT applies its own finer limits too). */
  chat: { points: 30, duration: 60 },
  /** Authenticator-app codes checked while turning two-step verification on, per user. */
  mfa: { points: 10, duration: 5 * 60 },
  /** Signed provider callbacks, per provider and IP: far above real traffic, stops floods only. */
  webhook: { points: 600, duration: 60 },
} as const satisfies Record<string, { points: number; duration: number }>;
export type RateLimitName = keyof typeof RATE_LIMITS;

const perDb = new WeakMap<object, Map<RateLimitName, RateLimiterDrizzle>>();

/**
 * RATE_LIMIT_MULTIPLIER (default 1) scales every limit's points: the e2e server sets it high because all its
 * browsers share one address (localhost), which real clients do not.
 */
function multiplier(): number {
  const m = Number(process.env.RATE_LIMIT_MULTIPLIER ?? 1);
  return Number.isFinite(m) && m >= 1 ? m : 1;
}

function limiter(db: DbOrTx, name: RateLimitName): RateLimiterDrizzle {
  let byName = perDb.get(db);
  if (!byName) perDb.set(db, (byName = new Map()));
  let l = byName.get(name);
  if (!l) {
    const { duration } = RATE_LIMITS[name];
    const points = RATE_LIMITS[name].points * multiplier();
    l = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: `rl_${name}`,
      points,
      duration,
      clearExpiredByTimeout: false,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rl_${name}_mem`, points, duration }),
    });
    byName.set(name, l);
  }
  return l;
}

export type RateLimitOutcome = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts one hit of `key` against `name`. Never throws for the limiter's own failures (logged, let through). */
export async function hitRateLimit(db: DbOrTx, name: RateLimitName, key: string, points = 1): Promise<RateLimitOutcome> {
  try {
    const res = await limiter(db, name).consume(key, points);
    return { ok: true, remaining: res.remainingPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    logger.warn({ err: e, limit: name }, 'rate limiter failed; request let through');
    return { ok: true, remaining: -1 };
  }
}

/** For services and procedures: throws AppError TOO_MANY_REQUESTS (→ HTTP 429 with Retry-After). */
export async function consumeRateLimit(db: DbOrTx, name: RateLimitName, key: string): Promise<void> {
  const r = await hitRateLimit(db, name, key);
  if (!r.ok) {
    logger.info({ limit: name }, 'rate limited');
    throw new AppError('TOO_MANY_REQUESTS', { key: 'generic.tooManyRequests', params: { seconds: r.retryAfterSeconds }, data: { retryAfterSeconds: r.retryAfterSeconds, limit: name } });
  }
}

/** For route handlers: a 429 JSON answer with Retry-After, or null to go on. */
export async function rateLimitResponse(db: DbOrTx, name: RateLimitName, key: string, locale: Locale = defaultLocale): Promise<Response | null> {
  const r = await hitRateLimit(db, name, key);
  if (r.ok) return null;
  logger.info({ limit: name }, 'rate limited');
  return Response.json(
    errorBody(locale, 'TOO_MANY_REQUESTS', 'generic.tooManyRequests', { seconds: r.retryAfterSeconds }, { retryAfterSeconds: r.retryAfterSeconds }),
    { status: 429, headers: { 'Retry-After': String(r.retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

/**
 * The client's address: the first hop of X-Forwarded-For set by the proxy in front of the app (Amplify Hosting's
 * CloudFront, or `next start`), else X-Real-IP; `null` for internal calls with no request.
 */
export function clientIp(headers: Headers): string | null {
  const xff = headers.get('x-forwarded-for');
  const first = xff?.split(',')[0]?.trim();
  const ip = first || headers.get('x-real-ip')?.trim();
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

/**
 * Wraps a route handler with a per-IP limit: `export const POST = limitedByIp('webhook', 'cregis', handler)`.
 * Requests without a known client address (internal calls) are not counted.
 */
export function limitedByIp<A extends unknown[]>(name: RateLimitName, scope: string, handler: (req: Request, ...rest: A) => Promise<Response>) {
  return async (req: Request, ...rest: A): Promise<Response> => {
    const ip = clientIp(req.headers);
    if (ip) {
      const { getDb } = await import('../db/client');
      const limited = await rateLimitResponse(getDb(), name, `${scope}:${ip}`, localeOf(req.headers));
      if (limited) return limited;
    }
    return handler(req, ...rest);
  };
}
