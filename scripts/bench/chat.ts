/**
 * npm run bench:chat — chat message delivery latency with 500 concurrent SSE subscribers on one instance.
 *
 * Fresh embedded PostgreSQL (or BENCH_DATABASE_URL), migrations, one store and 500 buyers with a conversation each.
 * The app's tRPC router is served by the same fetch handler shape as app/api/trpc (SSE retry prefix included) on a
 * node:http server; 500 clients subscribe through `httpSubscriptionLink` + an EventSource, exactly as browsers do,
 * from a child process (scripts/bench/sse-clients.ts) so that the server's CPU is the server's alone.
 * One hub (one LISTEN connection) serves them all. Messages are sent through the real send services (transaction,
 * realtime publish, NOTIFY); the quota is lifted and the AI follow-up skipped, since only delivery is measured.
 *
 * Scenario A: 500 buyers each subscribed to their own channel; the seller replies to each of them (20 at a time: a
 * burst at saturation, so latency includes queueing behind the other sends).
 * Scenario C: the same 500 subscriptions, replies at a steady 20/s (a busy store's whole team): delivery latency.
 * Scenario B: 500 open inboxes of one store (same channel); buyers send 100 messages at ~10/s → 50,000 deliveries.
 * Latency = received by the subscriber − send call started (same process clock). Target p95 ≤ 300 ms.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../local/postgres';
import { runMigrations } from '../../server/db/migrate';
import { writeBenchSection } from './report';
import { benchBody, startSseClients } from './sse-clients';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const FANOUT_MESSAGES = Number(process.env.BENCH_FANOUT_MESSAGES ?? 100);
const FANOUT_RATE = Number(process.env.BENCH_FANOUT_RATE ?? 10);
const STEADY_MESSAGES = Number(process.env.BENCH_STEADY_MESSAGES ?? 400);
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 20);

const pct = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10 : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-bench-chat-'));
  await fs.chmod(tmp, 0o777);
  const cleanups: Array<() => Promise<unknown>> = [() => fs.rm(tmp, { recursive: true, force: true })];
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: 57000 + Math.floor(Math.random() * 1000), database: 'vita_bench', persistent: false });
    url = pg.url;
    cleanups.unshift(pg.stop);
  }
  await runMigrations(url);
  Object.assign(process.env, {
    DATABASE_URL: url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    COGNITO_USER_POOL_ID: process.env.COGNITO_USER_POOL_ID ?? 'local_bench',
    COGNITO_CLIENT_ID: process.env.COGNITO_CLIENT_ID ?? 'bench',
    MEDIA_DRIVER: 'local',
    MEDIA_SIGNING_SECRET: crypto.randomBytes(32).toString('hex'),
  });
  // Server modules read env() on first use: import them after the environment is set.
  // The CommonJS build, like server/realtime/sse.ts under tsx: tRPC recognises tracked events by a module-local
  // symbol, so the adapter and `tracked()` must come from the same copy of @trpc/server.
  const { fetchRequestHandler } = createRequire(__filename)('@trpc/server/adapters/fetch') as typeof import('@trpc/server/adapters/fetch');
  const { createDb } = await import('../../server/db/client');
  const { storeMembers, stores, users } = await import('../../server/db/schema');
  const { logger } = await import('../../server/log/logger');
  const { createRealtimeHub, setRealtimeHub } = await import('../../server/realtime/hub');
  const { withSseRetry } = await import('../../server/realtime/sse');
  const { recordingBackground } = await import('../../server/services/chat/background');
  const { sendBuyerMessage, sendSellerReply, startConversation } = await import('../../server/services/chat/messaging');
  const { appRouter } = await import('../../server/trpc/root');
  const { serveFetch } = await import('../../server/testing/fetch-server');

  const { sql, db } = createDb(url, 20);
  cleanups.unshift(() => sql.end({ timeout: 2 }));
  const hub = createRealtimeHub(url);
  setRealtimeHub(hub);
  cleanups.unshift(() => hub.close());

  // World: a store, its owner, N buyers with one conversation each.
  const ownerId = `bench-owner-${crypto.randomUUID()}`;
  await db.insert(users).values({ id: ownerId, email: 'owner@bench.vita' });
  const [store] = await db.insert(stores).values({ slug: `bench-${Date.now().toString(36)}`, name: 'Tienda Bench', currency: 'PEN' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: ownerId, role: 'owner' });
  const buyers = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ id: `bench-buyer-${i}-${crypto.randomUUID().slice(0, 8)}`, email: `b${i}@bench.vita` }));
  await db.insert(users).values(buyers);
  const deps = { db, background: recordingBackground(), quota: async () => {} };
  const convByBuyer = new Map<string, string>();
  for (const b of buyers) {
    const r = await startConversation({ ...deps, userId: b.id, input: { storeId: store!.id, body: 'Hola', clientId: crypto.randomBytes(8).toString('hex') } });
    convByBuyer.set(b.id, r.conversation.id);
  }
  const sessions = new Map([[ownerId, { id: ownerId, email: 'owner@bench.vita', groups: [] as string[] }], ...buyers.map((b) => [b.id, { id: b.id, email: b.email, groups: [] as string[] }] as const)]);

  // The app's tRPC handler; the session comes from a bench header instead of Cognito cookies.
  const served = await serveFetch(async (req) =>
    withSseRetry(
      await fetchRequestHandler({
        endpoint: '/api/trpc',
        req,
        router: appRouter,
        createContext: () => ({ db, user: sessions.get(req.headers.get('x-bench-user') ?? '') ?? null, cartToken: null, requestId: 'bench', log: logger }),
      }),
    ),
  );
  cleanups.unshift(served.close);

  const cpu0 = process.cpuUsage();

  // ── Scenario A: one channel per buyer ────────────────────────────────────────────────────────────────────────
  const clientsA = startSseClients({ url: served.url, sender: 'seller', subscriptions: buyers.map((b) => ({ userId: b.id, path: 'chat.events', input: { lastEventId: null } })) });
  await clientsA.ready();
  await sleep(500);
  const [storeRow] = await db.select().from(stores);
  let next = 0;
  const burstStart = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < buyers.length) {
        const b = buyers[next++]!;
        await sendSellerReply({ ...deps, store: storeRow!, userId: ownerId, input: { conversationId: convByBuyer.get(b.id)!, body: benchBody('¿Te ayudo con algo más?'), clientId: crypto.randomBytes(8).toString('hex') } });
      }
    }),
  );
  const burstSeconds = (Date.now() - burstStart) / 1000;
  const latA: number[] = [];
  const tA = Date.now();
  while (latA.length < SUBSCRIBERS && Date.now() - tA < 20_000) {
    await sleep(200);
    latA.push(...(await clientsA.collect()));
  }

  // ── Scenario C: the same 500 open subscriptions, replies at a steady STEADY_RATE per second ──────────────────
  const latC: number[] = [];
  const steadyStart = Date.now();
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < STEADY_MESSAGES; i++) {
    const b = buyers[(i * 7) % buyers.length]!;
    inflight.push(sendSellerReply({ ...deps, store: storeRow!, userId: ownerId, input: { conversationId: convByBuyer.get(b.id)!, body: benchBody('¿Algo más?'), clientId: crypto.randomBytes(8).toString('hex') } }));
    await sleep(1000 / STEADY_RATE);
  }
  await Promise.all(inflight);
  const tC = Date.now();
  while (latC.length < STEADY_MESSAGES && Date.now() - tC < 20_000) {
    await sleep(200);
    latC.push(...(await clientsA.collect()));
  }
  const steadySeconds = (tC - steadyStart) / 1000;
  await clientsA.close();
  await sleep(500);

  // ── Scenario B: 500 open inboxes on one store channel ────────────────────────────────────────────────────────
  const sendB: number[] = [];
  const clientsB = startSseClients({ url: served.url, subscriptions: Array.from({ length: SUBSCRIBERS }, () => ({ userId: ownerId, path: 'inbox.events', input: { storeId: store!.id, lastEventId: null } })) });
  await clientsB.ready();
  await sleep(500);
  const fanStart = performance.now();
  for (let i = 0; i < FANOUT_MESSAGES; i++) {
    const b = buyers[i % buyers.length]!;
    const sentAt = performance.now();
    void sendBuyerMessage({ ...deps, userId: b.id, input: { conversationId: convByBuyer.get(b.id)!, body: benchBody('¿Tienen talla M?'), clientId: crypto.randomBytes(8).toString('hex') } }).then(() => sendB.push(performance.now() - sentAt));
    await sleep(1000 / FANOUT_RATE);
  }
  const expectedB = FANOUT_MESSAGES * SUBSCRIBERS;
  const latB: number[] = [];
  const tB = Date.now();
  while (latB.length < expectedB && Date.now() - tB < 60_000) {
    await sleep(200);
    latB.push(...(await clientsB.collect()));
  }
  const fanSeconds = (performance.now() - fanStart) / 1000;
  await clientsB.close();
  const cpu = process.cpuUsage(cpu0);

  sendB.sort((a, b) => a - b);
  latA.sort((a, b) => a - b);
  latC.sort((a, b) => a - b);
  latB.sort((a, b) => a - b);
  const row = (name: string, l: number[], expected: number) => `| ${name} | ${l.length} / ${expected} | ${pct(l, 50)} | ${pct(l, 95)} | ${pct(l, 99)} | ${Math.round((l.at(-1) ?? 0) * 10) / 10} |`;
  const md = `## Chat delivery (\`npm run bench:chat\`)

${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg()[0]!.toFixed(1)} at the end (the machine is shared), ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, fresh embedded PostgreSQL 17. One app
instance (one realtime hub = one LISTEN connection) holding ${SUBSCRIBERS} concurrent SSE subscriptions made with
\`httpSubscriptionLink\` + EventSource (in a separate client process, as browsers are) through the same fetch handler
as \`app/api/trpc\`; messages sent through the
real send services (transaction, per-channel sequence, NOTIFY after commit). Latency = subscriber received − send
call started, in ms. Target: p95 ≤ 300 ms.

| scenario | delivered | p50 | p95 | p99 | max |
|---|---|---|---|---|---|
${row(`C: ${SUBSCRIBERS} buyers subscribed on their own channels, the store replies at a steady ${STEADY_RATE}/s (${STEADY_MESSAGES} replies over ${steadySeconds.toFixed(1)} s)`, latC, STEADY_MESSAGES)}
${row(`A: same ${SUBSCRIBERS} subscribers, a burst: a reply to every buyer, 20 sends at a time (${Math.round(SUBSCRIBERS / burstSeconds)} sends/s)`, latA, SUBSCRIBERS)}
${row(`B: ${SUBSCRIBERS} open inboxes on one store channel, ${FANOUT_MESSAGES} buyer messages at ~${FANOUT_RATE}/s`, latB, expectedB)}

Scenario B fans each message out to ${SUBSCRIBERS} streams from one table read (${Math.round(latB.length / fanSeconds)} deliveries/s over
${fanSeconds.toFixed(1)} s). Of that latency, the send call itself (validation, transaction, publish, commit) took p50
${pct(sendB, 50)} ms / p95 ${pct(sendB, 95)} ms in scenario B. Server process CPU over both scenarios: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${process.env.BENCH_NOTE ? `. ${process.env.BENCH_NOTE}` : ''}.`;
  console.log(md);
  await writeBenchSection('chat', md);
  for (const c of cleanups) await c().catch(() => {});
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
