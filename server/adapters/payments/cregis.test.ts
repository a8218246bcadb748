import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { CregisProvider } from './cregis';
import { CallbackRejected } from './index';

const PID = '1382528827416576';
const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const PAYOUT_PID = '1435226266132480';
const PAYOUT_KEY = 'beef0000beef0000beef0000beef0000';
const NOW = 1_750_000_000_000;

const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex');

/** A callback body signed by hand (sorted keys, key prepended) — independent of the code under test. */
function handSigned(fields: Record<string, string | number>, key = KEY): Record<string, string | number> {
  const text = Object.keys(fields)
    .filter((k) => fields[k] !== '')
    .sort()
    .map((k) => `${k}${fields[k]}`)
    .join('');
  return { ...fields, sign: md5(key + text) };
}

const data = JSON.stringify({
  cregis_id: 'po1420761885130752',
  order_id: '6f1c1a52-3f7e-4a55-9d4f-0d8f5d7a1b11',
  order_amount: '89.90',
  order_currency: 'PEN',
  receive_amount: '24.273000',
  receive_currency: 'USDT',
  pay_amount: '12.136500',
  pay_currency: 'USDT',
  exchange_rate: '0.27',
  status: 'paid_partial',
  remark: 'Pedido de María — ñandú',
});

function callback(over: Record<string, string | number> = {}, key = KEY) {
  return handSigned({ event_name: 'order', event_type: 'paid_partial', data, pid: Number(PID), nonce: 'a1b2c3', timestamp: NOW - 1000, ...over }, key);
}

function rejection(fn: () => unknown): CallbackRejected['reason'] | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof CallbackRejected) return err.reason;
    throw err;
  }
}

describe('Cregis callbacks', () => {
  const cregis = new CregisProvider({ baseUrl: 'http://127.0.0.1:9', pid: PID, apiKey: KEY, payoutPid: PAYOUT_PID, payoutApiKey: PAYOUT_KEY, callbackMaxAgeS: 300, now: () => NOW });

  it('accepts a correctly signed callback and normalises it', () => {
    const c = cregis.parsePaymentCallback(JSON.stringify(callback()));
    expect(c).toMatchObject({
      providerRef: 'po1420761885130752',
      orderId: '6f1c1a52-3f7e-4a55-9d4f-0d8f5d7a1b11',
      state: 'paid_partial',
      eventType: 'paid_partial',
      paidAmount: 4495,
      orderAmount: 8990,
      currency: 'PEN',
    });
    expect(c.dedupeKey).toMatch(/^[0-9a-f]{64}$/);
    expect(c.payload.data).toBe(data);
  });

  it('accepts the older event spellings partial_paid/overpaid', () => {
    expect(cregis.parsePaymentCallback(JSON.stringify(callback({ event_type: 'partial_paid' }))).state).toBe('paid_partial');
    expect(cregis.parsePaymentCallback(JSON.stringify(callback({ event_type: 'overpaid' }))).state).toBe('paid_over');
    expect(cregis.parsePaymentCallback(JSON.stringify(callback({ event_type: 'paid_remain' }))).state).toBe('paid_remain');
  });

  it('rejects unsigned, wrongly signed, foreign-project, stale and malformed callbacks', () => {
    const { sign: _sign, ...unsigned } = callback();
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(unsigned)))).toBe('bad_signature');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify({ ...callback(), sign: md5('nope') })))).toBe('bad_signature');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({}, 'f'.repeat(32)))))).toBe('bad_signature');
    // Any field changed after signing, including the amounts inside `data`.
    const tampered = { ...callback(), data: data.replace('12.136500', '24.273000') };
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(tampered)))).toBe('bad_signature');
    // `data` re-serialised (same meaning, other bytes) is not what was signed.
    const reserialised = { ...callback(), data: JSON.stringify(JSON.parse(data), null, 2) };
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(reserialised)))).toBe('bad_signature');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ pid: 1111111111111111 }))))).toBe('unknown_project');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ timestamp: NOW - 301_000 }))))).toBe('stale');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ timestamp: NOW + 301_000 }))))).toBe('stale');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ timestamp: 1_750_000_000 }))))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback('{"event_name":'))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback('[]'))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify({ ...callback(), extra: { a: 1 } })))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ data: 'not json' }))))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ event_type: 'chargeback' }))))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback(JSON.stringify(callback({ event_name: 'payout' }))))).toBe('malformed');
    // A payment callback is not a payout callback: other project, other key.
    expect(rejection(() => cregis.parsePayoutCallback(JSON.stringify(callback())))).toBe('unknown_project');
  });

  it('gives a byte-for-byte replay the same dedupe key and a new delivery a new one', () => {
    const raw = JSON.stringify(callback());
    const a = cregis.parsePaymentCallback(raw);
    const b = cregis.parsePaymentCallback(raw);
    const c = cregis.parsePaymentCallback(JSON.stringify(callback({ nonce: 'zzzzzz' })));
    expect(b.dedupeKey).toBe(a.dedupeKey);
    expect(c.dedupeKey).not.toBe(a.dedupeKey);
  });

  it('verifies payout callbacks with the payout project and maps Cregis statuses', () => {
    const body = (status: number) =>
      JSON.stringify(
        handSigned(
          { pid: Number(PAYOUT_PID), cid: 1382688606330880, currency: '195@195', address: 'TX1', amount: '1.1', third_party_id: 'p-1', status, txid: '', nonce: 'qqqqqq', timestamp: NOW },
          PAYOUT_KEY,
        ),
      );
    expect(cregis.parsePayoutCallback(body(6))).toMatchObject({ providerRef: '1382688606330880', payoutId: 'p-1', state: 'paid', providerStatus: 6 });
    expect(cregis.parsePayoutCallback(body(7)).state).toBe('failed');
    expect(cregis.parsePayoutCallback(body(2)).state).toBe('rejected');
    expect(cregis.parsePayoutCallback(body(4)).state).toBe('rejected');
    expect(cregis.parsePayoutCallback(body(0)).state).toBe('processing');
    expect(cregis.parsePayoutCallback(body(6)).dedupeKey).toMatch(/^payout:[0-9a-f]{64}$/);
    expect(rejection(() => cregis.parsePayoutCallback(body(9)))).toBe('malformed');
    expect(rejection(() => cregis.parsePaymentCallback(body(6)))).toBe('unknown_project');
  });
});

describe('Cregis calls', () => {
  let server: http.Server;
  let base = '';
  let answer: (res: http.ServerResponse) => void = () => {};

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const cregis = () => new CregisProvider({ baseUrl: base, pid: PID, apiKey: KEY, callbackMaxAgeS: 300, timeoutMs: 300 });

  it('times out a silent upstream with UPSTREAM_FAILED', async () => {
    answer = () => {}; // never answers
    const started = performance.now();
    const err = await cregis().getPayment('po1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UPSTREAM_FAILED');
    expect((err as AppError).message).toContain('300 ms');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('turns non-00000 codes and non-JSON answers into UPSTREAM_FAILED', async () => {
    answer = (res) => res.end(JSON.stringify({ code: 'E0024', msg: 'Order does not exist', data: null }));
    const err = await cregis().getPayment('po1').catch((e: unknown) => e);
    expect((err as AppError).code).toBe('UPSTREAM_FAILED');
    expect((err as AppError).data).toEqual({ providerCode: 'E0024' });
    answer = (res) => res.writeHead(502).end('<html>bad gateway</html>');
    expect(((await cregis().getPayment('po1').catch((e: unknown) => e)) as AppError).code).toBe('UPSTREAM_FAILED');
    answer = (res) => res.end(JSON.stringify({ code: '00000', msg: 'ok', data: { cregis_id: 'po1', status: 'weird', order_currency: 'USD' } }));
    expect(((await cregis().getPayment('po1').catch((e: unknown) => e)) as AppError).code).toBe('UPSTREAM_FAILED');
  });

  it('sums partial payments per token before converting, and reads refunds from refund_data', async () => {
    const detail = (pay: string) => ({ receive_amount: '24.273000', pay_amount: pay, pay_currency: 'USDT', receive_currency: 'USDT' });
    answer = (res) =>
      res.end(
        JSON.stringify({
          code: '00000',
          msg: 'ok',
          data: { cregis_id: 'po9', order_id: 'o-9', order_amount: '89.90', order_currency: 'PEN', status: 'paid', payment_detail: [detail('8.091'), detail('8.091'), detail('8.091')], refund_data: { refund_status: 1 } },
        }),
      );
    // 3 × floor(8990/3) would be 8988; summed first it is exactly 8990.
    expect(await cregis().getPayment('po9')).toEqual({ providerRef: 'po9', orderId: 'o-9', state: 'refunded', paidAmount: 8990, orderAmount: 8990, currency: 'PEN' });
  });
});
