/**
 * npm run bench:pages — production build on a fresh local stack with demo data, then autocannon (a separate
 * process, 64 connections) against `/`, a store page and a product page; the same HTML bytes served by a minimal
 * static server in the same run give the ratio. Also reads the store and product pages' first-load JavaScript
 * (gzip of the scripts the HTML loads). Results go to docs/benchmarks.md.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import postgres from 'postgres';
import { startLocalStack } from '../local-stack';
import { appEnv, log, spawnNext } from '../run-next';
import { writeBenchSection } from './report';

const run = promisify(execFile);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const STATIC_PORT = PORT + 1;

type Result = { rps: number; p50: number; p99: number; errors: number; non2xx: number; bytes: number };

async function autocannon(url: string): Promise<Result> {
  const bin = path.resolve('node_modules/.bin/autocannon');
  const { stdout } = await run(bin, ['-c', String(CONNECTIONS), '-d', String(DURATION), '-j', url], { maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, bytes: 0 };
}

async function waitFor(url: string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not up after ${ms} ms`);
}

/**
 * gzip bytes of every /_next/static script a page's HTML makes a modern browser load on a first visit
 * (`noModule` polyfills are skipped by browsers that run module scripts, so they are not counted).
 */
async function firstLoadJs(base: string, html: string): Promise<number> {
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\bnomodule\b/i.test(attrs))
    .map((attrs) => /\bsrc="([^"]+\.js[^"]*)"/.exec(attrs)?.[1])
    .filter((src): src is string => Boolean(src));
  const unique = [...new Set(srcs.filter((s) => s.startsWith('/_next/')))];
  let total = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(base + src)).arrayBuffer());
    total += zlib.gzipSync(body, { level: 9 }).length;
  }
  return total;
}

async function main() {
  const dataDir = path.resolve('.data/bench');
  fs.rmSync(dataDir, { recursive: true, force: true });
  Object.assign(process.env, {
    VITA_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54349',
    COGNITO_LOCAL_PORT: process.env.COGNITO_LOCAL_PORT ?? '9349',
    NEXT_DIST_DIR: '.next-bench',
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
  });
  const stack = await startLocalStack({ mode: 'start', log });
  const env = appEnv(stack.env);
  const children: ReturnType<typeof spawnNext> = [];
  let staticServer: http.Server | undefined;
  try {
    if (!(process.env.BENCH_REUSE_BUILD === '1' && fs.existsSync('.next-bench/BUILD_ID'))) {
      log('building (production)…');
      fs.rmSync('.next-bench', { recursive: true, force: true });
      const [build] = spawnNext('build', { ...env, WORKER: '0' });
      const code = await new Promise<number>((r) => build!.once('exit', (c) => r(c ?? 1)));
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
    children.push(...spawnNext('start', { ...env, WORKER: '0' }));
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`, 60_000);

    const sql = postgres(env.DATABASE_URL!, { max: 1 });
    const [row] = await sql<{ store: string; product: string }[]>`
      select s.slug as store, p.slug as product from products p join stores s on s.id = p.store_id
      where p.status = 'active' and s.status = 'active' order by s.featured desc, p.created_at limit 1`;
    await sql.end();
    if (!row) throw new Error('no demo product to benchmark');
    const pages = { marketplace: '/', store: `/s/${row.store}`, product: `/s/${row.store}/p/${row.product}` };

    // Warm: the first request renders (ISR), later ones are served from the cache.
    const html: Record<string, string> = {};
    for (const [name, p] of Object.entries(pages)) {
      for (let i = 0; i < 3; i++) html[name] = await (await fetch(base + p)).text();
    }

    staticServer = http.createServer((req, res) => {
      const name = Object.entries(pages).find(([, p]) => p === req.url)?.[0];
      const body = name ? html[name] : undefined;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((r) => staticServer!.listen(STATIC_PORT, '127.0.0.1', r));

    const rows: string[] = [];
    const results: Record<string, { app: Result; stat: Result }> = {};
    for (const [name, p] of Object.entries(pages)) {
      log(`autocannon ${name} ${p}`);
      const app = await autocannon(base + p);
      const stat = await autocannon(`http://127.0.0.1:${STATIC_PORT}${p}`);
      results[name] = { app, stat };
      const ratio = ((app.rps / stat.rps) * 100).toFixed(1);
      rows.push(
        `| ${name} \`${p}\` | ${Buffer.byteLength(html[name]!)} | ${app.rps.toFixed(0)} | ${app.p50} | ${app.p99} | ${app.errors + app.non2xx} | ${stat.rps.toFixed(0)} | ${stat.p99} | ${ratio}% |`,
      );
    }
    const storeJs = await firstLoadJs(base, html.store!);
    const productJs = await firstLoadJs(base, html.product!);
    const marketJs = await firstLoadJs(base, html.marketplace!);

    const md = `## Pages (\`npm run bench:pages\`)

Run ${new Date().toISOString()} · ${os.cpus().length} cores · Node ${process.version} · production build (\`next start\`),
demo data, autocannon ${CONNECTIONS} connections × ${DURATION} s per target, run as a separate process on the same machine.
Static = the same HTML bytes from a minimal Node \`http\` server in the same run.

| page | HTML bytes | app req/s | app p50 ms | app p99 ms | errors | static req/s | static p99 ms | app / static |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

First-load JavaScript (gzip, scripts referenced by the HTML): marketplace ${(marketJs / 1024).toFixed(1)} KB,
store page ${(storeJs / 1024).toFixed(1)} KB, product page ${(productJs / 1024).toFixed(1)} KB (target ≤ 120 KB).

Targets: store-page p99 ≤ 50 ms at 64 connections; ≥ 25% of the static server's requests/s.
`;
    await writeBenchSection('pages', md);
    console.log(md);
  } finally {
    staticServer?.close();
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
