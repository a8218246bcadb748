import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as trpcPost } from '../../app/api/trpc/[trpc]/route';
import { POST as sessionPost } from '../../app/api/auth/session/route';
import { testDb } from '../testing/db';
import { clientIp, hitRateLimit, RATE_LIMITS } from './rate-limit';

const db = testDb();
// Addresses unique to this run: counters live in the shared test database.
const ip = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

const sessionReq = (from: string) =>
  new Request('http://127.0.0.1:3000/api/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': `${from}, 172.16.0.1` },
    body: JSON.stringify({ accessToken: 'x'.repeat(30), idToken: 'x'.repeat(30), refreshToken: 'x'.repeat(30) }),
  });

const checkoutReq = (from: string) =>
  new Request('http://127.0.0.1:3000/api/trpc/checkout.create', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': from },
    body: JSON.stringify({
      json: {
        idempotencyKey: crypto.randomUUID(),
        contact: { name: 'Rosa', email: 'rosa@prueba.vita' },
        stores: [{ storeId: crypto.randomUUID(), deliveryOptionId: crypto.randomUUID() }],
        expectedTotal: 0,
      },
    }),
  });

describe('rate limits', () => {
  it('reads the client address from the first X-Forwarded-For hop, else X-Real-IP, and ignores junk', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-real-ip': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '<script>' }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });

  it('sign-in: an abusive address gets 429 with Retry-After; another address is unaffected', async () => {
    const abuser = ip();
    const other = ip();
    const { points } = RATE_LIMITS.signIn;
    for (let i = 0; i < points; i++) expect((await sessionPost(sessionReq(abuser))).status).not.toBe(429);
    const limited = await sessionPost(sessionReq(abuser));
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(RATE_LIMITS.signIn.duration);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
    // The other client still reaches the handler (which refuses the fake tokens with 401).
    expect((await sessionPost(sessionReq(other))).status).toBe(401);
  });

  it('checkout over tRPC: TOO_MANY_REQUESTS → HTTP 429 + Retry-After for one client, the next client goes through', async () => {
    const abuser = ip();
    for (let i = 0; i < RATE_LIMITS.checkout.points; i++) expect((await trpcPost(checkoutReq(abuser))).status).not.toBe(429);
    const limited = await trpcPost(checkoutReq(abuser));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as { error: { json: { data: { code: string; appCode: string } } } };
    expect(body.error.json.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'TOO_MANY_REQUESTS' });
    const other = await trpcPost(checkoutReq(ip()));
    expect(other.status).not.toBe(429);
  });

  it('counts in PostgreSQL: two limiter instances (two app instances) share one count', async () => {
    const key = `shared:${crypto.randomUUID()}`;
    const { createDb } = await import('../db/client');
    const { inject } = await import('vitest');
    const second = createDb(inject('databaseUrl'), 2);
    try {
      for (let i = 0; i < RATE_LIMITS.invite.points; i++) {
        expect((await hitRateLimit(i % 2 ? db : second.db, 'invite', key)).ok).toBe(true);
      }
      expect((await hitRateLimit(second.db, 'invite', key)).ok).toBe(false);
      expect((await hitRateLimit(db, 'invite', key)).ok).toBe(false);
    } finally {
      await second.sql.end();
    }
  });
});
