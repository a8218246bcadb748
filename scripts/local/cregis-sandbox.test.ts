import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CregisProvider } from '../../server/adapters/payments/cregis';
import { signCregisBody } from '../../server/adapters/payments/cregis-signing';
import { AppError } from '../../server/errors/app-error';
import { newSandboxProject, startCregisSandbox, type CregisSandbox, type SandboxOrder } from './cregis-sandbox';

/** A local merchant endpoint that records every callback body and answers like our webhook does. */
async function startReceiver() {
  const bodies: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('success');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until<T>(fn: () => T | undefined | false, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('cregis sandbox', () => {
  const checkout = newSandboxProject();
  const payout = newSandboxProject();
  let dir: string;
  let stateFile: string;
  let sandbox: CregisSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let offset = 0;
  const clock = () => Date.now() + offset;
  let cregis: CregisProvider;

  const start = () => startCregisSandbox({ port: 0, stateFile, checkout, payout, sweepMs: 25, payoutDelayMs: 100, clock });
  const adapter = (baseUrl: string) =>
    new CregisProvider({ baseUrl, pid: checkout.pid, apiKey: checkout.apiKey, payoutPid: payout.pid, payoutApiKey: payout.apiKey, callbackMaxAgeS: 300, now: clock });
  const bodiesFor = (ref: string) => receiver.bodies.filter((b) => b.body.includes(ref));
  const control = async (ref: string, op: string, input: unknown = {}) => {
    const res = await fetch(`${sandbox.url}/sandbox/api/orders/${ref}/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await res.json()) as { ok?: boolean; result?: unknown; order: SandboxOrder; code?: string };
  };
  const rawCall = async (p: string, params: Record<string, unknown>, project = checkout) => {
    const res = await fetch(`${sandbox.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signCregisBody(params, project)) });
    return (await res.json()) as { code: string; msg: string; data: Record<string, unknown> | null };
  };
  const newPayment = (over: Partial<Parameters<CregisProvider['createPayment']>[0]> = {}) =>
    cregis.createPayment({
      orderId: crypto.randomUUID(),
      amount: 8990,
      currency: 'PEN',
      payerId: 'buyer-1',
      payerEmail: 'comprador@test.vita',
      validMinutes: 30,
      callbackUrl: `${receiver.url}/api/webhooks/cregis`,
      successUrl: 'http://shop.test/ok',
      cancelUrl: 'http://shop.test/cancel',
      language: 'es',
      ...over,
    });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cregis-sandbox-'));
    stateFile = path.join(dir, 'cregis-sandbox.json');
    receiver = await startReceiver();
    sandbox = await start();
    cregis = adapter(sandbox.url);
  });
  afterAll(async () => {
    await sandbox?.stop();
    await receiver?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates an order and reports it back through the adapter (create/query round trip)', async () => {
    const orderId = crypto.randomUUID();
    const created = await newPayment({ orderId });
    expect(created.providerRef).toMatch(/^po\d{16}$/);
    expect(created.paymentUrl).toBe(`${sandbox.url}/checkout/${created.providerRef}`);
    expect(Math.abs(created.expiresAt.getTime() - (clock() + 30 * 60_000))).toBeLessThan(5000);
    const report = await cregis.getPayment(created.providerRef);
    expect(report).toEqual({ providerRef: created.providerRef, orderId, state: 'new', paidAmount: 0, orderAmount: 8990, currency: 'PEN' });
  });

  it('rejects requests whose signature, project or fields are wrong, with Cregis error codes', async () => {
    const good = { order_id: crypto.randomUUID(), order_amount: '89.90', order_currency: 'PEN', payer_id: 'p', valid_time: 30, callback_url: `${receiver.url}/cb`, success_url: 'http://s.test/ok', cancel_url: 'http://s.test/no' };
    const tampered = signCregisBody(good, checkout);
    tampered.order_amount = '1.00';
    const res = await fetch(`${sandbox.url}/api/v2/checkout`, { method: 'POST', body: JSON.stringify(tampered) });
    expect(((await res.json()) as { code: string }).code).toBe('B0001');
    expect((await rawCall('/api/v2/checkout', good, { pid: checkout.pid, apiKey: '0'.repeat(32) })).code).toBe('B0001');
    expect((await rawCall('/api/v2/checkout', good, payout)).code).toBe('E0003');
    expect((await rawCall('/api/v2/checkout', { ...good, valid_time: 9 })).code).toBe('E0026');
    expect((await rawCall('/api/v2/checkout', { ...good, valid_time: 61 })).code).toBe('E0026');
    expect((await rawCall('/api/v2/checkout', { ...good, order_id: 'x'.repeat(129) })).code).toBe('E0019');
    expect((await rawCall('/api/v2/checkout', { ...good, order_amount: '89.901' })).code).toBe('E0023');
    expect((await rawCall('/api/v2/checkout', { ...good, order_amount: '0' })).code).toBe('E0022');
    expect((await rawCall('/api/v2/checkout', { ...good, order_amount: '1e3' })).code).toBe('E0016');
    expect((await rawCall('/api/v2/checkout', { ...good, order_amount: 89.9 })).code).toBe('A0002');
    expect((await rawCall('/api/v2/checkout', { ...good, callback_url: 'not a url' })).code).toBe('A0002');
    expect((await rawCall('/api/v2/checkout', good)).code).toBe('00000');
    expect((await rawCall('/api/v2/checkout', good)).code).toBe('E0018');
    expect((await rawCall('/api/v2/order/info', { cregis_id: 'po0' })).code).toBe('E0024');

    const wrongKey = new CregisProvider({ baseUrl: sandbox.url, pid: checkout.pid, apiKey: 'f'.repeat(32), callbackMaxAgeS: 300 });
    const err = await newPaymentWith(wrongKey).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UPSTREAM_FAILED');
    expect((err as AppError).data).toEqual({ providerCode: 'B0001' });
  });

  function newPaymentWith(p: CregisProvider) {
    return p.createPayment({ orderId: crypto.randomUUID(), amount: 100, currency: 'USD', payerId: 'x', validMinutes: 10, callbackUrl: `${receiver.url}/cb`, successUrl: 'http://s.test/ok', cancelUrl: 'http://s.test/no', language: 'es' });
  }

  it('hosted page: partial payment, then the remainder; each button sends a signed callback and redirects', async () => {
    const { providerRef, paymentUrl } = await newPayment();
    const html = await (await fetch(paymentUrl)).text();
    for (const label of ['Pagar el total', 'Pagar menos (parcial)', 'Pagar de más', 'Dejar expirar', 'lang="es"']) expect(html).toContain(label);
    expect(html).toMatch(/S\/\s89\.90/);

    const partial = await fetch(`${paymentUrl}/partial`, { method: 'POST', redirect: 'manual' });
    expect(partial.status).toBe(303);
    expect(partial.headers.get('location')).toBe('http://shop.test/ok');
    const [first] = bodiesFor(providerRef);
    const cb1 = cregis.parsePaymentCallback(first!.body);
    expect(cb1).toMatchObject({ providerRef, state: 'paid_partial', paidAmount: 4495, orderAmount: 8990, currency: 'PEN', eventType: 'paid_partial' });
    expect(first!.path).toBe('/api/webhooks/cregis');
    expect(await cregis.getPayment(providerRef)).toMatchObject({ state: 'paid_partial', paidAmount: 4495 });

    const html2 = await (await fetch(paymentUrl)).text();
    expect(html2).toContain('Completar el pago');
    expect(html2).not.toContain('Pagar de más');
    await fetch(`${paymentUrl}/remain`, { method: 'POST', redirect: 'manual' });
    const cb2 = cregis.parsePaymentCallback(bodiesFor(providerRef)[1]!.body);
    expect(cb2).toMatchObject({ state: 'paid_remain', paidAmount: 8990 });
    expect(cb2.dedupeKey).not.toBe(cb1.dedupeKey);
    expect(await cregis.getPayment(providerRef)).toMatchObject({ state: 'paid', paidAmount: 8990, orderAmount: 8990 });

    const order = (await (await fetch(`${sandbox.url}/sandbox/api/orders/${providerRef}`)).json()) as SandboxOrder;
    expect(order.deliveries.map((d) => [d.event, d.ok, d.answer])).toEqual([
      ['paid_partial', true, 'success'],
      ['paid_remain', true, 'success'],
    ]);
  });

  it('over-payment and COP (no minor digits) report what arrived in the order currency', async () => {
    const { providerRef, paymentUrl } = await newPayment({ amount: 45000, currency: 'COP' });
    await fetch(`${paymentUrl}/over`, { method: 'POST', redirect: 'manual' });
    const cb = cregis.parsePaymentCallback(bodiesFor(providerRef)[0]!.body);
    expect(cb).toMatchObject({ state: 'paid_over', orderAmount: 45000, currency: 'COP' });
    expect(cb.paidAmount).toBe(49500);
    expect(await cregis.getPayment(providerRef)).toMatchObject({ state: 'paid_over', paidAmount: 49500 });
  });

  it('"Dejar expirar" expires the order, sends expired once and redirects to cancel_url', async () => {
    const { providerRef, paymentUrl } = await newPayment();
    const res = await fetch(`${paymentUrl}/expire`, { method: 'POST', redirect: 'manual' });
    expect(res.headers.get('location')).toBe('http://shop.test/cancel');
    await fetch(`${paymentUrl}/expire`, { method: 'POST', redirect: 'manual' });
    expect(bodiesFor(providerRef).map((b) => cregis.parsePaymentCallback(b.body).state)).toEqual(['expired']);
    expect((await cregis.getPayment(providerRef)).state).toBe('expired');
    expect((await fetch(`${paymentUrl}/full`, { method: 'POST', redirect: 'manual' })).headers.get('location')).toBe(`/checkout/${providerRef}`);
  });

  it('orders past valid_time expire by themselves, with one expired callback', async () => {
    const { providerRef } = await newPayment({ validMinutes: 10 });
    offset += 11 * 60_000;
    await until(() => bodiesFor(providerRef).length === 1);
    await new Promise((r) => setTimeout(r, 150));
    const states = bodiesFor(providerRef).map((b) => cregis.parsePaymentCallback(b.body).state);
    expect(states).toEqual(['expired']);
    expect(await cregis.getPayment(providerRef)).toMatchObject({ state: 'expired', paidAmount: 0 });
  });

  it('control API: duplicate delivers the identical message 5 times, deliver sends events in the given order', async () => {
    const { providerRef, paymentUrl } = await newPayment();
    await fetch(`${paymentUrl}/full`, { method: 'POST', redirect: 'manual' });
    const dup = await control(providerRef, 'duplicate', { times: 5 });
    expect(dup.ok).toBe(true);
    const bodies = bodiesFor(providerRef).map((b) => b.body);
    expect(bodies).toHaveLength(6);
    expect(new Set(bodies.slice(1)).size).toBe(1);
    expect(bodies[1]).toBe(bodies[0]);

    const order = ['paid_remain', 'paid_partial', 'expired', 'paid'];
    await control(providerRef, 'deliver', { events: order });
    const delivered = bodiesFor(providerRef).slice(6).map((b) => cregis.parsePaymentCallback(b.body));
    expect(delivered.map((c) => c.eventType)).toEqual(order);
    expect(delivered.map((c) => c.paidAmount)).toEqual([8990, 4495, 8990, 8990]);

    const resend = await control(providerRef, 'resend');
    expect(resend.ok).toBe(true);
    const last = bodiesFor(providerRef).at(-1)!.body;
    expect(last).not.toBe(bodies[0]);
    expect(cregis.parsePaymentCallback(last).eventType).toBe('paid');
    expect((await control(providerRef, 'deliver', { events: ['bogus'] })).code).toBe('A0002');

    // The control page's forms post the same operations form-encoded and come back to /sandbox.
    const form = await fetch(`${sandbox.url}/sandbox/api/orders/${providerRef}/deliver`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _back: '1', events: 'expired, paid_over' }).toString(),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/sandbox');
    expect(bodiesFor(providerRef).slice(-2).map((b) => cregis.parsePaymentCallback(b.body).eventType)).toEqual(['expired', 'paid_over']);
    const controlPage = await (await fetch(`${sandbox.url}/sandbox`)).text();
    for (const label of ['Reenviar último', 'Duplicar ×5', 'Reembolsar', 'Entregar en este orden']) expect(controlPage).toContain(label);
  });

  it('refund sends a refunded callback and the order query shows it', async () => {
    const { providerRef, paymentUrl } = await newPayment();
    expect((await control(providerRef, 'refund')).code).toBe('E0015');
    await fetch(`${paymentUrl}/full`, { method: 'POST', redirect: 'manual' });
    await control(providerRef, 'refund');
    expect(cregis.parsePaymentCallback(bodiesFor(providerRef).at(-1)!.body).state).toBe('refunded');
    expect((await cregis.getPayment(providerRef)).state).toBe('refunded');
  });

  it('payouts: signed create/query, status 6 after a short delay (7 for FAIL addresses), callbacks signed with the payout key', async () => {
    const id = crypto.randomUUID();
    const { providerRef } = await cregis.createPayout({ payoutId: id, amount: 12345, currency: 'USD', address: 'TXsmKpEuW7qWnXzJLGP9eDLvWPR2GRn1FS', network: '195@195', callbackUrl: `${receiver.url}/api/webhooks/cregis/payout` });
    expect(await cregis.getPayout(providerRef)).toEqual({ providerRef, payoutId: id, state: 'processing', providerStatus: 0 });
    const body = await until(() => receiver.bodies.find((b) => b.body.includes(id)));
    const cb = cregis.parsePayoutCallback(body.body);
    expect(cb).toMatchObject({ providerRef, payoutId: id, state: 'paid', providerStatus: 6 });
    expect(() => cregis.parsePaymentCallback(body.body)).toThrow();
    expect(await cregis.getPayout(providerRef)).toMatchObject({ state: 'paid', providerStatus: 6 });

    const failId = crypto.randomUUID();
    const failed = await cregis.createPayout({ payoutId: failId, amount: 100, currency: 'USD', address: 'FAIL-this-one', network: '195@195', callbackUrl: `${receiver.url}/cb` });
    const failBody = await until(() => receiver.bodies.find((b) => b.body.includes(failId)));
    expect(cregis.parsePayoutCallback(failBody.body)).toMatchObject({ providerRef: failed.providerRef, state: 'failed', providerStatus: 7 });

    const dupErr = await cregis.createPayout({ payoutId: id, amount: 1, currency: 'USD', address: 'T1', network: '195@195', callbackUrl: `${receiver.url}/cb` }).catch((e: unknown) => e);
    expect((dupErr as AppError).data).toEqual({ providerCode: 'E0009' });
    expect((await rawCall('/api/v1/payout', { currency: '195@195', address: 'T1', amount: '1', third_party_id: 'x' }, checkout)).code).toBe('E0003');
  });

  it('keeps its state across restarts (JSON file written atomically)', async () => {
    const { providerRef, paymentUrl } = await newPayment();
    await fetch(`${paymentUrl}/partial`, { method: 'POST', redirect: 'manual' });
    await sandbox.stop();
    const saved = JSON.parse(await fs.readFile(stateFile, 'utf8')) as { orders: Record<string, SandboxOrder> };
    expect(saved.orders[providerRef]?.status).toBe('paid_partial');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    sandbox = await start();
    cregis = adapter(sandbox.url);
    expect(await cregis.getPayment(providerRef)).toMatchObject({ state: 'paid_partial', paidAmount: 4495 });
    const page = await (await fetch(`${sandbox.url}/sandbox`)).text();
    expect(page).toContain(providerRef);
  });
});
