import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { GET as metricsGet } from '../../app/api/metrics/route';
import { isolatedDb } from '../testing/isolated-db';
import { metricsAuthorized } from './metrics-auth';
import { readiness } from './readiness';
import { withRequestLog } from './request-log';

let env: Awaited<ReturnType<typeof isolatedDb>>;
beforeAll(async () => {
  env = await isolatedDb('ready');
}, 120_000);
afterAll(async () => {
  await env?.drop();
});

describe('readiness', () => {
  it('is not ready until the job queue is installed, then ready with per-check timings', async () => {
    const before = await readiness(env.db);
    expect(before.ok).toBe(false);
    expect(before.checks.database.ok).toBe(true);
    expect(before.checks.queue).toMatchObject({ ok: false });

    const boss = new PgBoss({ connectionString: env.url, max: 1 });
    boss.on('error', () => {});
    await boss.start();
    try {
      const after = await readiness(env.db);
      expect(after).toMatchObject({ ok: true, checks: { database: { ok: true }, queue: { ok: true } } });
      expect(after.checks.database.ms).toBeGreaterThanOrEqual(0);
    } finally {
      await boss.stop({ graceful: false });
    }
  }, 60_000);
});

describe('request log and metrics', () => {
  it('echoes a sane x-request-id, replaces junk with a fresh one', async () => {
    const handler = withRequestLog('test', async (req: Request) => new Response(req.headers.get('x-request-id')));
    const kept = await handler(new Request('http://x/api/t', { headers: { 'x-request-id': 'abc-12345678' } }));
    expect(kept.headers.get('x-request-id')).toBe('abc-12345678');
    expect(await kept.text()).toBe('abc-12345678');
    const fresh = await handler(new Request('http://x/api/t', { headers: { 'x-request-id': 'bad id\n' } }));
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/api/metrics needs the bearer token and then serves Prometheus text with the request counters', async () => {
    process.env.METRICS_TOKEN = 'metrics-test-token-0123456789';
    expect((await metricsGet(new Request('http://x/api/metrics'))).status).toBe(401);
    expect((await metricsGet(new Request('http://x/api/metrics', { headers: { authorization: 'Bearer wrong' } }))).status).toBe(401);
    await withRequestLog('metrics_probe', async () => new Response('ok', { status: 429 }))(new Request('http://x/api/p', { method: 'POST', body: 'x' }));
    const ok = await metricsGet(new Request('http://x/api/metrics', { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } }));
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain('vita_http_requests_total{route="metrics_probe",method="POST",status="429",app="vita"} 1');
    expect(text).toContain('vita_rate_limited_total{limit="metrics_probe",app="vita"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(metricsAuthorized('Bearer x', null)).toBe(false);
  });
});
