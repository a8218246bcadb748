import crypto from 'node:crypto';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { z } from 'zod';
import { testDb } from '../testing/db';
import { createRealtimeHub } from './hub';
import { publish } from './publish';
import { serveFetch } from '../testing/fetch-server';
import { SSE_CONFIG, trackedEvents, withSseRetry, ZLastEventId } from './sse';

/**
 * The real SSE path: tRPC's SSE producer over HTTP, httpSubscriptionLink + an EventSource on the client, a server
 * that ends every stream after 400 ms (as it does at 25 s before Amplify's 30 s cut). Events published while the
 * client is between streams must arrive after the reconnect, each exactly once, in order.
 */
const db = testDb();
const hub = createRealtimeHub(inject('databaseUrl'));
let starts = 0;
const seenLastIds: Array<string | null | undefined> = [];

const t = initTRPC.create({ transformer: superjson, sse: { ...SSE_CONFIG, ping: { enabled: true, intervalMs: 100 }, maxDurationMs: 400 } });
const router = t.router({
  events: t.procedure.input(z.object({ channel: z.string(), lastEventId: ZLastEventId })).subscription(async function* ({ input, signal }) {
    starts++;
    seenLastIds.push(input.lastEventId);
    yield* trackedEvents(hub.subscribe({ channel: input.channel, lastEventId: input.lastEventId, signal: signal! }), (ev) => ev.payload as { i: number });
  }),
});
let url = '';
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
  // The same shape as app/api/trpc/[trpc]/route.ts: fetch handler, then the retry prefix on event streams.
  const served = await serveFetch(async (req) => withSseRetry(await fetchRequestHandler({ endpoint: '/api/trpc', req, router })));
  url = `${served.url}/api/trpc`;
  close = served.close;
});

afterAll(async () => {
  await hub.close();
  await close();
});

describe('tRPC subscription over SSE with server-side max duration', () => {
  it('resumes across several stream cuts without losing or duplicating events', async () => {
    const client = createTRPCClient<typeof router>({ links: [httpSubscriptionLink({ url, transformer: superjson, EventSource })] });
    const channel = `test:${crypto.randomUUID()}`;
    const received: Array<{ id: string; i: number }> = [];
    const done = new Promise<void>((resolve, reject) => {
      const sub = client.events.subscribe(
        // Start from the channel's beginning ("0"): a page passes the head it rendered, so nothing falls in between.
        { channel, lastEventId: '0' },
        {
          onData: (env) => {
            received.push({ id: env.id, i: env.data.i });
            if (received.length >= 30) {
              sub.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
      setTimeout(() => {
        sub.unsubscribe();
        reject(new Error(`timed out with ${received.length} events`));
      }, 15_000);
    });
    // Wait for the first stream to be open, then publish across ~2 s (several 400 ms streams).
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 1; i <= 30; i++) {
      await publish(db, { channel, kind: 'm', payload: { i } });
      await new Promise((r) => setTimeout(r, 70));
    }
    await done;
    expect(received.map((r) => r.i)).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
    expect(received.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, k) => String(k + 1)));
    // The stream was cut and resumed several times, each time from the id the client had seen last.
    // With `retry: 250` the client is back within a fraction of a second each time (EventSource default: 3 s).
    expect(starts).toBeGreaterThanOrEqual(4);
    expect(seenLastIds.every((id) => typeof id === 'string')).toBe(true);
  });
});
