/**
 * Cregis callback acknowledgement latency against a RUNNING app (nothing is booted here): N signed payment callbacks
 * to <baseUrl>/api/webhooks/cregis from ~20 concurrent senders; reports p50/p95/p99 of the time until the answer.
 * Each callback is a distinct, validly signed message for a made-up cregis_id, so every one goes through the full
 * path (verify, insert into payment_events, enqueue) and its job ends as "unknown_payment" without touching any
 * checkout. Loopback only; the count is capped.
 *
 * Used by `npm run bench:checkout` (benchCallbacks) or alone:
 *   npx tsx scripts/bench/callbacks.ts --base-url http://127.0.0.1:3000 [--pid <CREGIS_PID> --api-key <CREGIS_API_KEY>]
 *     [--count 500] [--concurrency 20]
 * Without --pid/--api-key the sandbox credentials are read from $VITA_DATA_DIR/secrets.json (default .data/), i.e.
 * the ones `npm run dev` / `npm start` gave the app.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signCregisBody } from '../../server/adapters/payments/cregis-signing';

export type CallbackBenchInput = {
  baseUrl: string;
  pid: string;
  apiKey: string;
  count?: number;
  concurrency?: number;
};

export type CallbackBenchResult = {
  count: number;
  concurrency: number;
  ok: number;
  /** Answers other than 200 `success`, by status. */
  failures: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  wallMs: number;
};

const MAX_COUNT = 5000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

export async function benchCallbacks(input: CallbackBenchInput): Promise<CallbackBenchResult> {
  const url = new URL('/api/webhooks/cregis', input.baseUrl);
  if (!LOOPBACK.has(url.hostname)) throw new Error(`bench:callbacks only targets loopback, not ${url.hostname}`);
  const count = Math.min(Math.max(Math.floor(input.count ?? 500), 1), MAX_COUNT);
  const concurrency = Math.min(Math.max(Math.floor(input.concurrency ?? 20), 1), 64);
  const project = { pid: input.pid, apiKey: input.apiKey };
  const run = `${Date.now().toString(36)}`;

  const body = (i: number) => {
    const data = JSON.stringify({
      cregis_id: `bench-${run}-${i}`,
      order_id: `bench-${run}-${i}`,
      order_amount: '10.00',
      order_currency: 'USD',
      receive_amount: '10.000000',
      receive_currency: 'USDT',
      pay_amount: '10.000000',
      pay_currency: 'USDT',
      status: 'paid',
    });
    return JSON.stringify(signCregisBody({ event_name: 'order', event_type: 'paid', data }, project));
  };

  // One warm-up request so route compilation (next dev) or the first pg-boss start is not measured.
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(-1), signal: AbortSignal.timeout(60_000) });

  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const payload = body(i);
        const t0 = performance.now();
        try {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, signal: AbortSignal.timeout(10_000) });
          const text = await res.text();
          latencies.push(performance.now() - t0);
          if (!(res.status === 200 && text === 'success')) failures[String(res.status)] = (failures[String(res.status)] ?? 0) + 1;
        } catch (err) {
          const name = err instanceof Error ? err.name : 'error';
          failures[name] = (failures[name] ?? 0) + 1;
        }
      }
    }),
  );
  const wallMs = Math.round(performance.now() - started);
  latencies.sort((a, b) => a - b);
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    count,
    concurrency,
    ok: count - failed,
    failures,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.round((latencies.at(-1) ?? 0) * 10) / 10,
    wallMs,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string', default: 'http://127.0.0.1:3000' },
      pid: { type: 'string' },
      'api-key': { type: 'string' },
      count: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '20' },
    },
  });
  let pid = values.pid;
  let apiKey = values['api-key'];
  if (!pid || !apiKey) {
    const file = path.resolve(process.env.VITA_DATA_DIR ?? '.data', 'secrets.json');
    const secrets = JSON.parse(await fs.readFile(file, 'utf8')) as { cregis?: { checkout: { pid: string; apiKey: string } } };
    if (!secrets.cregis) throw new Error(`${file} has no Cregis sandbox credentials; pass --pid and --api-key`);
    ({ pid, apiKey } = secrets.cregis.checkout);
  }
  const result = await benchCallbacks({ baseUrl: values['base-url']!, pid, apiKey, count: Number(values.count), concurrency: Number(values.concurrency) });
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
