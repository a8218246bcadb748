/**
 * npm run bench:checkout — checkout throughput and latency with 50 concurrent buyers, and Cregis callback
 * acknowledgement latency.
 *
 * Starts a fresh embedded PostgreSQL in a temp dir (or uses BENCH_DATABASE_URL) and the local Cregis sandbox, migrates,
 * creates one store whose products have limited stock, then 50 buyers check out concurrently through the real
 * `createCheckout` service (re-quote, conditional stock reservation, orders, outbox, idempotency — and the provider
 * payment opened over HTTP against the sandbox). Reports checkouts/s, p50/p95/p99 and verifies zero oversell.
 *
 * Callbacks: with BENCH_APP_URL (a running `npm start`/`npm run dev`) the signed callbacks go to its
 * /api/webhooks/cregis; without it, to the same webhook module served by a node:http server in this process (the
 * path minus Next's routing) with the real pg-boss queue. Target: p99 ≤ 200 ms. Writes docs/benchmarks.md.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';
import { deliveryOptions, productVariants, products, storeMembers, stores, users } from '../../server/db/schema';
import { newSandboxProject, startCregisSandbox } from '../local/cregis-sandbox';
import { startEmbeddedPostgres } from '../local/postgres';
import { benchCallbacks } from './callbacks';
import { writeBenchSection } from './report';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 50);
const ATTEMPTS = Number(process.env.BENCH_CHECKOUTS ?? 1500);
const PRODUCTS = 20;
const STOCK_PER_PRODUCT = 50; // 1,000 units for 1,500 attempts: the last third must be refused, never oversold
const CALLBACKS = Number(process.env.BENCH_CALLBACKS ?? 1000);

const pct = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10 : 0);

async function main() {
  const cleanups: Array<() => Promise<void>> = [];
  let url = process.env.BENCH_DATABASE_URL;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-bench-checkout-'));
  await fs.chmod(tmp, 0o777);
  cleanups.push(() => fs.rm(tmp, { recursive: true, force: true }));
  if (!url) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: 56000 + Math.floor(Math.random() * 1000), database: 'vita_bench', persistent: false });
    url = pg.url;
    cleanups.unshift(pg.stop);
  }
  await runMigrations(url);
  const project = newSandboxProject();
  const sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(tmp, 'cregis.json'), checkout: project, payout: newSandboxProject() });
  cleanups.unshift(sandbox.stop);

  // Callback receiver in this process (unless a running app is given).
  let appUrl = process.env.BENCH_APP_URL;
  let receiver: http.Server | undefined;
  if (!appUrl) {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const { handleCregisPaymentCallback } = await import('../../server/webhooks/cregis');
        const r = await handleCregisPaymentCallback(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', body: Buffer.concat(chunks), headers: { 'content-type': 'application/json' } }));
        res.writeHead(r.status).end(await r.text());
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', () => r()));
    appUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    cleanups.unshift(() => new Promise((r) => receiver!.close(() => r())));
  }

  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_POOL_MAX: '20',
    LOG_LEVEL: 'silent',
    COGNITO_USER_POOL_ID: process.env.COGNITO_USER_POOL_ID ?? 'local_bench',
    COGNITO_CLIENT_ID: process.env.COGNITO_CLIENT_ID ?? 'bench',
    APP_URL: appUrl,
    CREGIS_BASE_URL: sandbox.url,
    CREGIS_PID: project.pid,
    CREGIS_API_KEY: project.apiKey,
  });
  const { createCheckout } = await import('../../server/services/checkout/create-checkout');
  const { getDb } = await import('../../server/db/client');
  const db = getDb();
  const { sql: admin } = createDb(url, 2);
  cleanups.unshift(async () => void (await admin.end()));

  const capacity = PRODUCTS * STOCK_PER_PRODUCT;
  type Pass = { ok: number; outOfStock: number; other: Record<string, number>; wallS: number; p50: number; p95: number; p99: number; reserved: number; oversold: number };

  /** One seller, one store, PRODUCTS products with STOCK_PER_PRODUCT units; BUYERS buyers race for ATTEMPTS units. */
  async function runPass(openPayment: boolean): Promise<Pass> {
    const sellerId = `bench-${crypto.randomUUID()}`;
    await db.insert(users).values({ id: sellerId, email: `${sellerId}@bench.vita` });
    const [store] = await db.insert(stores).values({ slug: `bench-${crypto.randomBytes(4).toString('hex')}`, name: 'Bench', currency: 'PEN' }).returning();
    await db.insert(storeMembers).values({ storeId: store!.id, userId: sellerId, role: 'owner' });
    const [pickup] = await db.insert(deliveryOptions).values({ storeId: store!.id, kind: 'pickup', label: 'Recojo' }).returning();
    const variantIds: string[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const [p] = await db.insert(products).values({ storeId: store!.id, slug: `p-${i}`, title: `Producto ${i}`, price: 2500, currency: 'PEN' }).returning();
      const [v] = await db.insert(productVariants).values({ productId: p!.id, stock: STOCK_PER_PRODUCT }).returning();
      variantIds.push(v!.id);
    }
    const latencies: number[] = [];
    let ok = 0;
    let outOfStock = 0;
    const other: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: BUYERS }, async (_, buyer) => {
        while (next < ATTEMPTS) {
          const i = next++;
          const variantId = variantIds[(i * 7 + buyer) % variantIds.length]!;
          const t0 = performance.now();
          try {
            await createCheckout({
              db,
              buyerUserId: null,
              cart: { userId: null, cartToken: `bench-${buyer}` },
              input: { idempotencyKey: crypto.randomUUID(), contact: { name: 'Comprador Bench', email: `b${buyer}@bench.vita` }, stores: [{ storeId: store!.id, deliveryOptionId: pickup!.id }], expectedTotal: 2500, locale: 'es' },
              lines: [{ variantId, qty: 1 }],
              openPayment,
            });
            ok++;
          } catch (err) {
            const reason = (err as { data?: { reason?: string } }).data?.reason ?? (err as Error).message.slice(0, 60);
            if (reason === 'OUT_OF_STOCK') outOfStock++;
            else other[reason] = (other[reason] ?? 0) + 1;
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    latencies.sort((x, y) => x - y);
    const [check] = (await admin`
      SELECT coalesce(sum(v.reserved), 0)::int AS reserved, min(v.stock - v.reserved)::int AS min_available
      FROM product_variants v JOIN products p ON p.id = v.product_id WHERE p.store_id = ${store!.id}
    `) as unknown as { reserved: number; min_available: number }[];
    const oversold = Math.max(0, check!.reserved - capacity) + (check!.min_available < 0 ? 1 : 0);
    const pass = { ok, outOfStock, other, wallS, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), reserved: check!.reserved, oversold };
    console.log(`${openPayment ? 'with provider' : 'reservation only'}: ${JSON.stringify(pass)}`);
    return pass;
  }

  const core = await runPass(false);
  const full = await runPass(true);
  const oversold = core.oversold + full.oversold;
  const row = (name: string, p: Pass) =>
    `| ${name} | ${p.ok} (${p.outOfStock} refused${Object.keys(p.other).length ? `; other ${JSON.stringify(p.other)}` : ''}) | ${(p.ok / p.wallS).toFixed(1)} | ${p.p50} / ${p.p95} / ${p.p99} ms | ${p.reserved} / ${capacity} | **${p.oversold}** |`;

  const cb = await benchCallbacks({ baseUrl: appUrl, pid: project.pid, apiKey: project.apiKey, count: CALLBACKS, concurrency: 20 });
  console.log(`callbacks: ${cb.ok}/${cb.count} ok, p50 ${cb.p50} p95 ${cb.p95} p99 ${cb.p99} max ${cb.max} ms`);

  const date = new Date().toISOString().slice(0, 10);
  const load = os.loadavg()[0]!.toFixed(1);
  await writeBenchSection(
    'checkout',
    `## Checkout and payment callbacks (\`npm run bench:checkout\`, ${date})

Embedded PostgreSQL 17 (fresh, migrated), the local Cregis sandbox over HTTP, 2 cores (1-min load average at the end:
${load}). Per pass, ${BUYERS} concurrent buyers try ${ATTEMPTS} one-unit checkouts of ${PRODUCTS} products holding
${STOCK_PER_PRODUCT} units each (${capacity} units) through the real \`createCheckout\` (re-quote, conditional
reservation, orders, outbox, idempotency key). "with provider" also opens the payment at the sandbox over HTTP
(signed request, the checkout row locked meanwhile); "reservation only" stops before that.

| pass | checkouts | checkouts/s | latency p50 / p95 / p99 | reserved / units | oversold |
|---|---|---|---|---|---|
${row('reservation only', core)}
${row('with provider', full)}

Callback acknowledgement (${cb.count} distinct signed callbacks, 20 concurrent senders, ${process.env.BENCH_APP_URL ? `the running app at ${process.env.BENCH_APP_URL}` : 'the webhook module served by node:http in-process with the real pg-boss queue — Next routing not included'}):
verify → insert into \`payment_events\` → enqueue → \`success\`.

| p50 | p95 | p99 | max | ok |
|---|---|---|---|---|
| ${cb.p50} ms | ${cb.p95} ms | ${cb.p99} ms | ${cb.max} ms | ${cb.ok}/${cb.count} |

Target p99 ≤ 200 ms: ${cb.p99 <= 200 ? 'met' : '**not met**'}.`,
  );

  const { getBoss } = await import('../../server/jobs/queue');
  await (await getBoss()).stop({ graceful: false }).catch(() => {});
  for (const c of cleanups) await c().catch(() => {});
  process.exit(oversold ? 1 : 0);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
