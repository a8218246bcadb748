import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { testDb } from '../testing/db';
import { createRealtimeHub, type RealtimeEvent } from './hub';
import { publish, publishMany } from './publish';
import { pruneRealtimeEvents } from './prune';

const db = testDb();
const hubA = createRealtimeHub(inject('databaseUrl'));
const hubB = createRealtimeHub(inject('databaseUrl'));
afterAll(async () => {
  await hubA.close();
  await hubB.close();
});

const channel = () => `test:${crypto.randomUUID()}`;

/** Collects events from a subscription until `n` arrived (or times out), then stops it. */
async function collect(iter: AsyncGenerator<RealtimeEvent>, n: number, controller: AbortController, timeoutMs = 5000): Promise<RealtimeEvent[]> {
  const out: RealtimeEvent[] = [];
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for await (const ev of iter) {
      out.push(ev);
      if (out.length >= n) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return out;
}

/** Starts a subscription and waits until it is registered (its first table read done). */
async function subscribed(hub: typeof hubA, ch: string, lastEventId?: string | null) {
  const controller = new AbortController();
  const iter = hub.subscribe({ channel: ch, lastEventId, signal: controller.signal });
  // Prime the generator: run it up to its first wait without consuming an event.
  const first = iter.next();
  await new Promise((r) => setTimeout(r, 150));
  async function* rest(): AsyncGenerator<RealtimeEvent> {
    const r = await first;
    if (r.done) return;
    yield r.value;
    yield* iter;
  }
  return { iter: rest(), controller };
}

describe('realtime hub (PostgreSQL LISTEN/NOTIFY)', () => {
  it('delivers a committed event to subscribers on two instances, with payload read from the table', async () => {
    const ch = channel();
    const a = await subscribed(hubA, ch);
    const b = await subscribed(hubB, ch);
    await publish(db, { channel: ch, kind: 'hello', payload: { text: 'hola' } });
    const [ea, eb] = await Promise.all([collect(a.iter, 1, a.controller), collect(b.iter, 1, b.controller)]);
    expect(ea.map((e) => [e.seq, e.kind, e.payload])).toEqual([[1, 'hello', { text: 'hola' }]]);
    expect(eb.map((e) => e.seq)).toEqual([1]);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const ch = channel();
    const s = await subscribed(hubA, ch);
    await db
      .transaction(async (tx) => {
        await publish(tx, { channel: ch, kind: 'ghost', payload: {} });
        throw new Error('rollback');
      })
      .catch(() => {});
    await publish(db, { channel: ch, kind: 'real', payload: {} });
    const got = await collect(s.iter, 1, s.controller);
    expect(got.map((e) => e.kind)).toEqual(['real']);
    expect(got[0]!.seq).toBe(1); // the rolled-back sequence number was never taken
  });

  it('resumes after a disconnect from the last event id: no loss, no duplicates', async () => {
    const ch = channel();
    const s1 = await subscribed(hubA, ch);
    for (let i = 1; i <= 3; i++) await publish(db, { channel: ch, kind: 'm', payload: { i } });
    const first = await collect(s1.iter, 3, s1.controller);
    s1.controller.abort();
    const lastId = String(first.at(-1)!.seq);
    // While the client is away (Amplify cut the request), more messages are sent.
    for (let i = 4; i <= 6; i++) await publish(db, { channel: ch, kind: 'm', payload: { i } });
    const s2 = await subscribed(hubB, ch, lastId);
    await publish(db, { channel: ch, kind: 'm', payload: { i: 7 } });
    const second = await collect(s2.iter, 4, s2.controller);
    const all = [...first, ...second].map((e) => (e.payload as { i: number }).i);
    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps order and exactly-once under concurrent publishers on one channel', async () => {
    const ch = channel();
    const s = await subscribed(hubA, ch);
    await Promise.all(Array.from({ length: 40 }, (_, i) => db.transaction((tx) => publish(tx, { channel: ch, kind: 'm', payload: { i } }))));
    const got = await collect(s.iter, 40, s.controller);
    expect(got.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(got.map((e) => (e.payload as { i: number }).i)).size).toBe(40);
  });

  it('fills a gap from the table when a notification was missed', async () => {
    const ch = channel();
    const s = await subscribed(hubA, ch);
    // Simulate a lost NOTIFY: an event row appears without a notification, then a normal publish follows.
    await db.execute(sql`insert into realtime_channels (channel, last_seq) values (${ch}, 1)`);
    await db.execute(sql`insert into realtime_events (channel, seq, kind, payload) values (${ch}, 1, 'silent', '{}'::jsonb)`);
    await publish(db, { channel: ch, kind: 'loud', payload: {} });
    const got = await collect(s.iter, 2, s.controller);
    expect(got.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'silent'],
      [2, 'loud'],
    ]);
  });

  it('publishMany writes each channel once, in the caller order of results, without deadlocks', async () => {
    const c1 = channel();
    const c2 = channel();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) =>
          publishMany(tx, i % 2 ? [{ channel: c1, kind: 'x', payload: i }, { channel: c2, kind: 'x', payload: i }] : [{ channel: c2, kind: 'x', payload: i }, { channel: c1, kind: 'x', payload: i }]),
        ),
      ),
    );
    expect(results.flat()).toHaveLength(40);
    expect(await hubA.head(c1)).toBe(20);
    expect(await hubA.head(c2)).toBe(20);
    expect(results[1]![0]!.channel).toBe(c1);
  });

  it('rejects malformed channels and prunes old events without resetting sequences', async () => {
    await expect(publish(db, { channel: 'no colon', kind: 'x', payload: {} })).rejects.toThrow(/invalid realtime channel/);
    const ch = channel();
    await publish(db, { channel: ch, kind: 'old', payload: {} });
    const removed = await pruneRealtimeEvents({ db, now: new Date(Date.now() + 8 * 86_400_000) });
    expect(removed).toBeGreaterThanOrEqual(1);
    const next = await publish(db, { channel: ch, kind: 'new', payload: {} });
    expect(next.seq).toBe(2);
  });
});
