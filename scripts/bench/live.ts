/**
 * npm run bench:live — the live selling server path on one instance, against a fresh embedded PostgreSQL:
 *  - chat fan-out: BENCH_SUBSCRIBERS (500) viewers subscribed to one show through the real-time hub (one LISTEN
 *    connection, shared table reads), BENCH_MESSAGES chat messages sent through sendChatMessage (insert + publish in one
 *    transaction); latency = from the send call to each subscriber receiving it (target p95 ≤ 300 ms);
 *  - pin propagation: BENCH_PINS pins through pinProduct; latency = from the call to every subscriber holding the pin
 *    event (target ≤ 1 s).
 * The SSE encoding per connection (tRPC httpSubscription) sits on top of this and is not included.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from '../../server/db/migrate';
import { startEmbeddedPostgres } from '../local/postgres';
import { writeBenchSection } from './report';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 60);
const PINS = Number(process.env.BENCH_PINS ?? 20);
const pct = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10 : 0);

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-bench-live-'));
  await fs.chmod(tmp, 0o777);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: 57000 + Math.floor(Math.random() * 1000), database: 'vita_bench', persistent: false });
  await runMigrations(pg.url);
  Object.assign(process.env, { DATABASE_URL: pg.url, DATABASE_POOL_MAX: '20', LOG_LEVEL: 'silent', COGNITO_USER_POOL_ID: 'local_bench', COGNITO_CLIENT_ID: 'bench' });

  const { createDb } = await import('../../server/db/client');
  const schema = await import('../../server/db/schema');
  const { createRealtimeHub } = await import('../../server/realtime');
  const { sendChatMessage } = await import('../../server/services/live/chat');
  const { pinProduct } = await import('../../server/services/live/pins');
  const { LocalLiveProvider } = await import('../../server/adapters/live/local');
  const { showChannel } = await import('../../server/services/live/realtime');
  const { sql, db } = createDb(pg.url, 20);
  const provider = new LocalLiveProvider({ rtmpUrl: 'rtmp://127.0.0.1:1/live', hlsBaseUrl: 'http://127.0.0.1:1' });

  const owner = { id: crypto.randomUUID(), email: 'owner@bench.vita', groups: [] as string[] };
  await db.insert(schema.users).values({ id: owner.id, email: owner.email });
  const [store] = await db.insert(schema.stores).values({ slug: 'bench-live', name: 'Bench Live', currency: 'PEN' }).returning();
  await db.insert(schema.storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
  const productIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const [p] = await db.insert(schema.products).values({ storeId: store!.id, slug: `p${i}`, title: `Producto ${i}`, currency: 'PEN', price: 1000 }).returning();
    productIds.push(p!.id);
  }
  const [show] = await db.insert(schema.liveShows).values({ storeId: store!.id, slug: 'benchshow01', title: 'Bench show', scheduledAt: new Date(), status: 'live', startedAt: new Date() }).returning();
  const senders = Array.from({ length: MESSAGES }, (_, i) => ({ id: crypto.randomUUID(), email: `v${i}@bench.vita`, groups: [] as string[] }));
  await db.insert(schema.users).values(senders.map((s) => ({ id: s.id, email: s.email })));

  const hub = createRealtimeHub(pg.url);
  const ac = new AbortController();
  const sentAt = new Map<string, number>(); // key → send start
  const chatLat: number[] = [];
  const pinArrivals = new Map<string, number[]>();
  let ready = 0;
  const subs = Array.from({ length: SUBSCRIBERS }, async () => {
    const it = hub.subscribe({ channel: showChannel(show!.id), lastEventId: '0', signal: ac.signal });
    ready++;
    for await (const ev of it) {
      const now = performance.now();
      if (ev.kind === 'chat') {
        const t0 = sentAt.get(`chat:${(ev.payload as { body: string }).body}`);
        if (t0 !== undefined) chatLat.push(now - t0);
      } else if (ev.kind === 'pin' && ev.payload) {
        const id = (ev.payload as { pinId: string }).pinId;
        (pinArrivals.get(id) ?? pinArrivals.set(id, []).get(id)!).push(now);
      }
    }
  });
  while (ready < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 500));

  // Chat: messages from different viewers, a few in flight at once (a busy chat).
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i += 3) {
    await Promise.all(
      senders.slice(i, i + 3).map(async (s, j) => {
        const body = `m${i + j}`;
        sentAt.set(`chat:${body}`, performance.now());
        await sendChatMessage({ db, user: s, input: { showId: show!.id, body } });
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
  }
  const expected = MESSAGES * SUBSCRIBERS;
  while (chatLat.length < expected && performance.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));

  // Pins: one at a time, as a seller would.
  const pinLat: number[] = [];
  const pinAll: number[] = [];
  for (let i = 0; i < PINS; i++) {
    const t0 = performance.now();
    const pin = await pinProduct({ db, store: store!, userId: owner.id, showId: show!.id, productId: productIds[i % productIds.length]!, provider });
    while ((pinArrivals.get(pin.pinId)?.length ?? 0) < SUBSCRIBERS && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 5));
    const arr = pinArrivals.get(pin.pinId) ?? [];
    for (const a of arr) pinLat.push(a - t0);
    pinAll.push(Math.max(...arr) - t0);
  }
  ac.abort();
  await Promise.allSettled(subs);
  await hub.close();
  await sql.end();
  await pg.stop();
  await fs.rm(tmp, { recursive: true, force: true });

  chatLat.sort((a, b) => a - b);
  pinLat.sort((a, b) => a - b);
  pinAll.sort((a, b) => a - b);
  const md = `## Live selling (\`npm run bench:live\`)

Server path on one instance, fresh embedded PostgreSQL 17, ${new Date().toISOString().slice(0, 10)}: ${SUBSCRIBERS} subscribers on one show through
the real-time hub (one LISTEN connection; per-notification table reads shared by the channel's subscribers).

| measure | deliveries | p50 | p95 | p99 | max | target |
|---|---|---|---|---|---|---|
| chat fan-out (send → each subscriber) | ${chatLat.length} of ${expected} | ${pct(chatLat, 50)} ms | ${pct(chatLat, 95)} ms | ${pct(chatLat, 99)} ms | ${pct(chatLat, 100)} ms | p95 ≤ 300 ms |
| pin propagation (pin call → each subscriber) | ${pinLat.length} of ${PINS * SUBSCRIBERS} | ${pct(pinLat, 50)} ms | ${pct(pinLat, 95)} ms | ${pct(pinLat, 99)} ms | ${pct(pinLat, 100)} ms | ≤ 1 s |
| pin propagation (pin call → last of ${SUBSCRIBERS}) | ${pinAll.length} pins | ${pct(pinAll, 50)} ms | ${pct(pinAll, 95)} ms | — | ${pct(pinAll, 100)} ms | ≤ 1 s |

${MESSAGES} messages (3 in flight at a time, each from a different viewer: insert + rate-limit check + publish), ${PINS} pins.
Not included: the SSE encoding per connection and the network; the IVS timed-metadata path (cloud only).`;
  console.log(md);
  await writeBenchSection('live', md);
  process.exit(0);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
