/**
 * A local Cregis: the documented contract (INTEGRATIONS.md §2) on 127.0.0.1, so checkout, callbacks and payouts run
 * end to end with no account and no network. Same wire format as the real service: signed POST JSON bodies, code
 * "00000" on success and Cregis' own error codes otherwise (B0001 bad signature, E0018 duplicate order id, …).
 *
 * - /api/v2/checkout, /api/v2/order/info, /api/v1/payout, /api/v1/payout/query: signature verified per project.
 * - /checkout/<cregis_id>: the hosted payment page (Spanish, mobile). Its buttons pay in full, pay less, pay more,
 *   complete a partial payment or let the order expire; each sends the signed callback to the order's callback_url
 *   and then sends the browser to success_url (cancel_url on expiry).
 * - /sandbox: a control page; /sandbox/api/…: the same controls for tests (resend, duplicate, reorder, refund).
 * State is one JSON file, replaced atomically on every change, so orders survive restarts.
 *
 * Sandbox assumptions where the docs are silent (UNVERIFIED against the real service): callback `pay_amount` is the
 * cumulative amount received for the order; payers always pay in USDT-TRC20 at the fixed rates below; requests are
 * not rejected for their timestamp.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { jsonStatePersister, loadJsonState } from './json-state';
import { decimalToMinor, formatDecimal, parseDecimal, type Decimal } from '../../server/adapters/payments/cregis-amounts';
import { cregisNonce, cregisPidValue, cregisSign, cregisSignatureValid, type CregisParams } from '../../server/adapters/payments/cregis-signing';
import { formatMoney } from '../../components/ui/money';

export type SandboxProject = { pid: string; apiKey: string };

export type CregisSandboxOptions = {
  /** 0 = any free port. */
  port: number;
  host?: string;
  stateFile: string;
  checkout: SandboxProject;
  payout: SandboxProject;
  /** How often expiries and due payouts are processed. */
  sweepMs?: number;
  /** A payout reaches its final status this long after it was created. */
  payoutDelayMs?: number;
  callbackTimeoutMs?: number;
  log?: (line: string) => void;
  /** Tests move time forward to see orders expire by themselves. */
  clock?: () => number;
};

export type CregisSandbox = { url: string; port: number; stop: () => Promise<void> };

type OrderStatus = 'new' | 'paid' | 'paid_partial' | 'paid_over' | 'expired';
export type SandboxEventType = 'paid' | 'paid_partial' | 'paid_over' | 'paid_remain' | 'expired' | 'refunded';
const EVENT_TYPES: SandboxEventType[] = ['paid', 'paid_partial', 'paid_over', 'paid_remain', 'expired', 'refunded'];

export type SandboxDelivery = {
  at: number;
  event: string;
  url: string;
  httpStatus: number | null;
  /** The receiver's answer (first 200 characters) or the network error. */
  answer: string;
  ok: boolean;
  ms: number;
};

type Payment = { pay_amount: string; tx_id: string; from_address: string; at: number };

export type SandboxOrder = {
  cregis_id: string;
  pid: string;
  order_id: string;
  order_amount: string;
  order_currency: string;
  payer_id: string;
  payer_email?: string;
  payer_name?: string;
  callback_url?: string;
  success_url?: string;
  cancel_url?: string;
  remark?: string;
  valid_time: number;
  created_time: number;
  expire_time: number;
  transact_time: number | null;
  cancel_time: number | null;
  status: OrderStatus;
  token_name: string;
  payment_address: string;
  receive_amount: string;
  exchange_rate: string;
  payments: Payment[];
  refund: null | { refund_id: number; refund_status: number; refund_amount: string; at: number };
  last_callback: string | null;
  deliveries: SandboxDelivery[];
};

export type SandboxPayout = {
  cid: number;
  pid: string;
  currency: string;
  address: string;
  amount: string;
  third_party_id: string;
  callback_url?: string;
  remark?: string;
  status: number;
  created_at: number;
  due_at: number;
  txid: string | null;
  block_time: number | null;
  last_callback: string | null;
  deliveries: SandboxDelivery[];
};

type State = { version: 1; orders: Record<string, SandboxOrder>; payouts: Record<string, SandboxPayout> };

/** Rough USDT value of one unit of each currency; the sandbox only needs plausible, stable numbers. */
const USDT_RATE: Record<string, string> = {
  USD: '1',
  EUR: '1.08',
  PEN: '0.27',
  MXN: '0.055',
  COP: '0.00025',
  ARS: '0.001',
  CLP: '0.00105',
  BRL: '0.18',
  UYU: '0.025',
  BOB: '0.145',
  PYG: '0.000128',
  CRC: '0.002',
  GTQ: '0.13',
  DOP: '0.0165',
};
const TOKEN = 'USDT-TRC20';
const TOKEN_DECIMALS = 6;

class CregisError extends Error {
  constructor(
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

// ── decimals at the token's precision ───────────────────────────────────────────────────────────────────────────
function toScale(d: Decimal, scale: number, round: 'up' | 'down'): bigint {
  if (d.scale <= scale) return d.units * 10n ** BigInt(scale - d.scale);
  const div = 10n ** BigInt(d.scale - scale);
  const q = d.units / div;
  return round === 'up' && d.units % div !== 0n ? q + 1n : q;
}
function tokenText(units: bigint): string {
  return formatDecimal({ units, scale: TOKEN_DECIMALS });
}
function tokenUnits(text: string): bigint {
  const d = parseDecimal(text);
  if (!d) throw new Error(`bad token amount ${text}`);
  return toScale(d, TOKEN_DECIMALS, 'down');
}
function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

function randomDigits(n: number): string {
  let s = String(1 + crypto.randomInt(8));
  while (s.length < n) s += String(crypto.randomInt(10));
  return s;
}
function fakeTronAddress(): string {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let s = 'T';
  for (let i = 0; i < 33; i++) s += alphabet[crypto.randomInt(alphabet.length)];
  return s;
}
function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startCregisSandbox(opts: CregisSandboxOptions): Promise<CregisSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const sweepMs = opts.sweepMs ?? 500;
  const payoutDelayMs = opts.payoutDelayMs ?? 2000;
  const callbackTimeoutMs = opts.callbackTimeoutMs ?? 10_000;
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? Date.now;

  const state: State = (await loadJsonState<State>(opts.stateFile, 1)) ?? { version: 1, orders: {}, payouts: {} };
  const persist = jsonStatePersister(opts.stateFile, () => state, (err) => log(`cregis sandbox: state not saved: ${String(err)}`));

  const projectByPid = (pid: unknown, kind: 'checkout' | 'payout'): SandboxProject | null => {
    const p = kind === 'checkout' ? opts.checkout : opts.payout;
    return String(pid) === p.pid ? p : null;
  };

  // ── callbacks ─────────────────────────────────────────────────────────────────────────────────────────────────
  function signed(params: CregisParams, project: SandboxProject): string {
    const body: CregisParams = { ...params, pid: cregisPidValue(project.pid), nonce: cregisNonce(), timestamp: clock() };
    body.sign = cregisSign(body, project.apiKey);
    return JSON.stringify(body);
  }

  async function deliver(url: string | undefined, body: string, event: string, into: SandboxDelivery[]): Promise<SandboxDelivery> {
    const started = performance.now();
    const record: SandboxDelivery = { at: clock(), event, url: url ?? '', httpStatus: null, answer: '', ok: false, ms: 0 };
    if (!url) {
      record.answer = 'sin callback_url';
    } else {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(callbackTimeoutMs),
        });
        record.httpStatus = res.status;
        record.answer = (await res.text()).slice(0, 200);
        record.ok = res.status === 200 && record.answer.trim() === 'success';
      } catch (err) {
        record.answer = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    record.ms = Math.round(performance.now() - started);
    into.push(record);
    if (into.length > 200) into.splice(0, into.length - 200);
    log(`cregis sandbox: callback ${event} → ${url ?? '-'}: ${record.ok ? 'success' : `${record.httpStatus ?? 'error'} ${record.answer}`}`);
    return record;
  }

  const paidUnits = (o: SandboxOrder) => o.payments.reduce((sum, p) => sum + tokenUnits(p.pay_amount), 0n);

  /** The `data` object of an order callback, as of now (or as `event` would describe it, for synthetic deliveries). */
  function orderData(o: SandboxOrder, event: SandboxEventType, payUnits?: bigint): Record<string, unknown> {
    const paid = payUnits ?? paidUnits(o);
    const last = o.payments.at(-1);
    const status: OrderStatus =
      event === 'paid_remain' ? 'paid' : event === 'refunded' ? (o.status === 'new' ? 'paid' : o.status) : event;
    return {
      cregis_id: o.cregis_id,
      order_id: o.order_id,
      order_amount: o.order_amount,
      order_currency: o.order_currency,
      receive_amount: o.receive_amount,
      receive_currency: 'USDT',
      pay_amount: paid > 0n ? tokenText(paid) : '',
      pay_currency: 'USDT',
      exchange_rate: o.exchange_rate,
      payment_address: o.payment_address,
      created_time: o.created_time,
      cancel_time: o.cancel_time,
      transact_time: o.transact_time,
      valid_time: o.valid_time,
      status,
      remark: o.remark ?? '',
      tx_id: last?.tx_id ?? '',
      payer_id: o.payer_id,
      payer_email: o.payer_email ?? '',
      ...(event === 'refunded' && o.refund ? { refund_id: o.refund.refund_id, refund_amount: o.refund.refund_amount } : {}),
    };
  }

  function orderCallback(o: SandboxOrder, event: SandboxEventType, payUnits?: bigint): string {
    return signed({ event_name: 'order', event_type: event, data: JSON.stringify(orderData(o, event, payUnits)) }, opts.checkout);
  }

  async function sendOrderEvent(o: SandboxOrder, event: SandboxEventType): Promise<SandboxDelivery> {
    o.last_callback = orderCallback(o, event);
    await persist();
    const d = await deliver(o.callback_url, o.last_callback, event, o.deliveries);
    await persist();
    return d;
  }

  function payoutCallback(p: SandboxPayout): string {
    return signed(
      {
        cid: p.cid,
        chain_id: '195',
        token_id: '195',
        currency: p.currency,
        address: p.address,
        amount: p.amount,
        third_party_id: p.third_party_id,
        remark: p.remark ?? '',
        status: p.status,
        txid: p.txid ?? '',
        block_height: p.block_time ? String(Math.floor(p.block_time / 3000)) : '',
        block_time: p.block_time,
      },
      opts.payout,
    );
  }

  // ── order transitions ─────────────────────────────────────────────────────────────────────────────────────────
  /** A payment of `units` USDT arrives; the event follows from the total against what was asked. */
  async function pay(o: SandboxOrder, units: bigint): Promise<SandboxDelivery> {
    if (o.status !== 'new' && o.status !== 'paid_partial') throw new CregisError('E0015', `Order is ${o.status}`);
    if (units <= 0n) throw new CregisError('E0016', 'Amount error');
    const wasPartial = o.status === 'paid_partial';
    o.payments.push({ pay_amount: tokenText(units), tx_id: crypto.randomBytes(32).toString('hex'), from_address: fakeTronAddress(), at: clock() });
    const total = paidUnits(o);
    const due = tokenUnits(o.receive_amount);
    let event: SandboxEventType;
    if (total < due) event = o.status = 'paid_partial';
    else {
      o.status = total > due ? 'paid_over' : 'paid';
      o.transact_time = clock();
      event = wasPartial ? 'paid_remain' : o.status;
    }
    return sendOrderEvent(o, event);
  }

  async function payKind(o: SandboxOrder, kind: string): Promise<SandboxDelivery> {
    const due = tokenUnits(o.receive_amount);
    const remaining = due - paidUnits(o);
    switch (kind) {
      case 'full':
      case 'remain':
        return pay(o, remaining);
      case 'partial':
        return pay(o, remaining / 2n > 0n ? remaining / 2n : 1n);
      case 'over':
        return pay(o, remaining + (due / 10n > 0n ? due / 10n : 1n));
      default:
        throw new CregisError('A0002', `Param Error: kind ${kind}`);
    }
  }

  async function expire(o: SandboxOrder): Promise<SandboxDelivery | null> {
    if (o.status !== 'new' && o.status !== 'paid_partial') return null;
    o.status = 'expired';
    o.cancel_time = clock();
    return sendOrderEvent(o, 'expired');
  }

  async function refund(o: SandboxOrder): Promise<SandboxDelivery> {
    if (o.payments.length === 0) throw new CregisError('E0015', 'Order has no payment to refund');
    o.refund ??= { refund_id: Number(randomDigits(16)), refund_status: 1, refund_amount: tokenText(paidUnits(o)), at: clock() };
    return sendOrderEvent(o, 'refunded');
  }

  // ── sweep: expiries and payouts reach their end by themselves ─────────────────────────────────────────────────
  let sweeping = false;
  async function sweep() {
    if (sweeping) return;
    sweeping = true;
    try {
      const now = clock();
      for (const o of Object.values(state.orders)) {
        if ((o.status === 'new' || o.status === 'paid_partial') && o.expire_time <= now) await expire(o);
      }
      for (const p of Object.values(state.payouts)) {
        if (p.status !== 0 || p.due_at > now) continue;
        p.status = p.address.startsWith('FAIL') ? 7 : 6;
        if (p.status === 6) {
          p.txid = crypto.randomBytes(32).toString('hex');
          p.block_time = now;
        }
        p.last_callback = payoutCallback(p);
        await persist();
        await deliver(p.callback_url, p.last_callback, `payout.${p.status}`, p.deliveries);
        await persist();
      }
    } catch (err) {
      log(`cregis sandbox: sweep failed: ${String(err)}`);
    } finally {
      sweeping = false;
    }
  }

  // ── API handlers (signed) ─────────────────────────────────────────────────────────────────────────────────────
  function verifyRequest(body: unknown, kind: 'checkout' | 'payout'): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new CregisError('A0001', 'Param Error: body');
    const b = body as Record<string, unknown>;
    for (const k of ['pid', 'nonce', 'timestamp', 'sign']) {
      if (b[k] === undefined || b[k] === null || b[k] === '') throw new CregisError('A0001', `Param Error: ${k}`);
    }
    if (typeof b.nonce !== 'string' || b.nonce.length !== 6) throw new CregisError('A0002', 'Param Error: nonce');
    if (!/^\d{13}$/.test(String(b.timestamp))) throw new CregisError('A0002', 'Param Error: timestamp');
    const project = projectByPid(b.pid, kind);
    if (!project) throw new CregisError('E0003', 'Item does not exist or item status is anomalous');
    if (!cregisSignatureValid(b, project.apiKey)) throw new CregisError('B0001', 'Signature Error');
    return b;
  }

  function orderIdTaken(pid: string, orderId: string): boolean {
    return Object.values(state.orders).some((o) => o.pid === pid && o.order_id === orderId);
  }

  async function createCheckout(b: Record<string, unknown>, baseUrl: string) {
    const pid = String(b.pid);
    const orderId = b.order_id;
    if (typeof orderId !== 'string' || orderId === '') throw new CregisError('A0001', 'Param Error: order_id');
    if (orderId.length > 128) throw new CregisError('E0019', 'Order number exceeds 128 characters');
    const currency = b.order_currency;
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new CregisError('E0020', 'Unsupported currency');
    if (typeof b.order_amount !== 'string') throw new CregisError('A0002', 'Param Error: order_amount');
    const amount = parseDecimal(b.order_amount);
    if (!amount) throw new CregisError('E0016', 'Amount error');
    if (amount.units === 0n) throw new CregisError('E0022', 'Order amount must be greater than 0');
    if (decimalToMinor(b.order_amount, currency) === null) throw new CregisError('E0023', 'Order amount precision error');
    if (typeof b.payer_id !== 'string' || b.payer_id === '') throw new CregisError('E0025', 'Incorrect payer information');
    const validTime = Number(b.valid_time);
    if (!Number.isInteger(validTime) || validTime < 10 || validTime > 60) {
      throw new CregisError('E0026', 'Please input in minutes. Minimum is 10 minutes,maximum 60 minutes');
    }
    for (const k of ['callback_url', 'success_url', 'cancel_url']) {
      if (!isHttpUrl(b[k])) throw new CregisError('A0002', `Param Error: ${k}`);
    }
    if (b.remark !== undefined && String(b.remark).length > 256) throw new CregisError('E0021', 'Order remark exceeds 256 characters');
    if (orderIdTaken(pid, orderId)) throw new CregisError('E0018', 'Order number must be unique');

    const rate = parseDecimal(USDT_RATE[currency] ?? '1')!;
    const receive = toScale(multiply(amount, rate), TOKEN_DECIMALS, 'up');
    const now = clock();
    const o: SandboxOrder = {
      cregis_id: `po${randomDigits(16)}`,
      pid,
      order_id: orderId,
      order_amount: b.order_amount,
      order_currency: currency,
      payer_id: b.payer_id,
      payer_email: typeof b.payer_email === 'string' ? b.payer_email : undefined,
      payer_name: typeof b.payer_name === 'string' ? b.payer_name : undefined,
      callback_url: b.callback_url as string,
      success_url: b.success_url as string,
      cancel_url: b.cancel_url as string,
      remark: typeof b.remark === 'string' ? b.remark : undefined,
      valid_time: validTime,
      created_time: now,
      expire_time: now + validTime * 60_000,
      transact_time: null,
      cancel_time: null,
      status: 'new',
      token_name: TOKEN,
      payment_address: fakeTronAddress(),
      receive_amount: tokenText(receive > 0n ? receive : 1n),
      exchange_rate: USDT_RATE[currency] ?? '1',
      payments: [],
      refund: null,
      last_callback: null,
      deliveries: [],
    };
    state.orders[o.cregis_id] = o;
    await persist();
    return {
      cregis_id: o.cregis_id,
      checkout_url: `${baseUrl}/checkout/${o.cregis_id}`,
      order_amount: o.order_amount,
      order_currency: o.order_currency,
      created_time: o.created_time,
      expire_time: o.expire_time,
      payment_info: [paymentInfo(o)],
    };
  }

  function paymentInfo(o: SandboxOrder) {
    return {
      payment_address: o.payment_address,
      token_symbol: 'USDT',
      blockchain: 'TRON',
      token_name: o.token_name,
      token_decimals: TOKEN_DECIMALS,
      receive_amount: o.receive_amount,
      receive_currency: 'USDT',
      exchange_rate: o.exchange_rate,
    };
  }

  function orderInfo(o: SandboxOrder) {
    return {
      cregis_id: o.cregis_id,
      order_id: o.order_id,
      order_amount: o.order_amount,
      order_currency: o.order_currency,
      created_time: o.created_time,
      cancel_time: o.cancel_time,
      transact_time: o.transact_time,
      valid_time: o.valid_time,
      status: o.status,
      refund_requested: o.refund ? 'yes' : 'no',
      refund_data: o.refund
        ? {
            refund_id: o.refund.refund_id,
            cregis_id: o.cregis_id,
            reference_id: o.order_id,
            refund_amount: o.refund.refund_amount,
            refund_status: o.refund.refund_status,
            type: 2,
            refund_created_time: String(o.refund.at),
          }
        : null,
      payer_id: o.payer_id,
      payer_name: o.payer_name ?? '',
      payer_email: o.payer_email ?? '',
      remark: o.remark ?? '',
      payment_detail: o.payments.map((p) => ({
        payment_address: o.payment_address,
        from_address: p.from_address,
        receive_amount: o.receive_amount,
        receive_currency: 'USDT',
        pay_amount: p.pay_amount,
        pay_currency: 'USDT',
        exchange_rate: o.exchange_rate,
        tx_id: p.tx_id,
        blockchain: 'TRON',
        token_name: o.token_name,
      })),
      payment_info: [paymentInfo(o)],
      settlement_status: 'unsettled',
      settlement_type: '',
    };
  }

  async function createPayout(b: Record<string, unknown>) {
    const pid = String(b.pid);
    if (typeof b.currency !== 'string' || b.currency === '') throw new CregisError('E0005', 'Unsupported coin');
    if (typeof b.address !== 'string' || b.address === '') throw new CregisError('E0008', 'Address is invalid');
    if (typeof b.amount !== 'string') throw new CregisError('A0002', 'Param Error: amount');
    const amount = parseDecimal(b.amount);
    if (!amount) throw new CregisError('E0016', 'Amount error');
    if (amount.units === 0n) throw new CregisError('E0006', 'The withdrawal amount must be greater than 0');
    if (amount.scale > TOKEN_DECIMALS) throw new CregisError('E0007', 'Incorrect accuracy of the withdrawal amount');
    if (typeof b.third_party_id !== 'string' || b.third_party_id === '') throw new CregisError('A0001', 'Param Error: third_party_id');
    if (b.callback_url !== undefined && b.callback_url !== '' && !isHttpUrl(b.callback_url)) {
      throw new CregisError('A0002', 'Param Error: callback_url');
    }
    if (Object.values(state.payouts).some((p) => p.pid === pid && p.third_party_id === b.third_party_id)) {
      throw new CregisError('E0009', 'Duplicate business number');
    }
    const now = clock();
    const p: SandboxPayout = {
      cid: Number(randomDigits(16)),
      pid,
      currency: b.currency,
      address: b.address,
      amount: b.amount,
      third_party_id: b.third_party_id,
      callback_url: typeof b.callback_url === 'string' && b.callback_url !== '' ? b.callback_url : undefined,
      remark: typeof b.remark === 'string' ? b.remark : undefined,
      status: 0,
      created_at: now,
      due_at: now + payoutDelayMs,
      txid: null,
      block_time: null,
      last_callback: null,
      deliveries: [],
    };
    state.payouts[String(p.cid)] = p;
    await persist();
    return { cid: p.cid };
  }

  function payoutInfo(p: SandboxPayout) {
    return {
      pid: cregisPidValue(p.pid),
      chain_id: '195',
      token_id: '195',
      currency: p.currency,
      from_address: 'TSandboxHotWa11etXXXXXXXXXXXXXXXX',
      address: p.address,
      amount: p.amount,
      status: p.status,
      third_party_id: p.third_party_id,
      remark: p.remark ?? '',
      txid: p.txid ?? '',
      block_height: p.block_time ? String(Math.floor(p.block_time / 3000)) : '',
      block_time: p.block_time,
    };
  }

  // ── control operations (tests and the /sandbox page) ──────────────────────────────────────────────────────────
  async function control(o: SandboxOrder, op: string, input: Record<string, unknown>): Promise<unknown> {
    switch (op) {
      case 'pay': {
        if (typeof input.amount === 'string') {
          const d = parseDecimal(input.amount);
          if (!d) throw new CregisError('E0016', 'Amount error');
          return pay(o, toScale(d, TOKEN_DECIMALS, 'down'));
        }
        return payKind(o, String(input.kind ?? 'full'));
      }
      case 'expire':
        return (await expire(o)) ?? { skipped: `order is ${o.status}` };
      case 'refund':
        return refund(o);
      case 'resend': {
        // A re-push from the Cregis console: the last event again, signed anew (fresh nonce and timestamp).
        const last = o.last_callback ? (JSON.parse(o.last_callback) as { event_type: SandboxEventType }).event_type : null;
        if (!last) throw new CregisError('E0015', 'No callback sent yet');
        return sendOrderEvent(o, last);
      }
      case 'duplicate': {
        // The same bytes N times at once, as a flaky network or proxy might deliver them.
        if (!o.last_callback) throw new CregisError('E0015', 'No callback sent yet');
        const times = Math.min(Math.max(Number(input.times ?? 2) || 2, 1), 50);
        const body = o.last_callback;
        const event = (JSON.parse(body) as { event_type: string }).event_type;
        const out = await Promise.all(Array.from({ length: times }, () => deliver(o.callback_url, body, event, o.deliveries)));
        await persist();
        return out;
      }
      case 'deliver': {
        // Synthetic deliveries of the given event types in the given order (state unchanged): out-of-order tests.
        const events = Array.isArray(input.events) ? input.events.map(String) : String(input.events ?? '').split(/[\s,]+/).filter(Boolean);
        if (events.length === 0 || events.length > 20 || events.some((e) => !EVENT_TYPES.includes(e as SandboxEventType))) {
          throw new CregisError('A0002', `Param Error: events (${EVENT_TYPES.join(', ')})`);
        }
        const due = tokenUnits(o.receive_amount);
        const out: SandboxDelivery[] = [];
        for (const e of events as SandboxEventType[]) {
          const units =
            e === 'paid' || e === 'paid_remain' ? due : e === 'paid_partial' ? due / 2n : e === 'paid_over' ? due + due / 10n : undefined;
          const body = orderCallback(o, e, units);
          o.last_callback = body;
          out.push(await deliver(o.callback_url, body, e, o.deliveries));
        }
        await persist();
        return out;
      }
      default:
        throw new CregisError('A0002', `Param Error: op ${op}`);
    }
  }

  // ── HTML ──────────────────────────────────────────────────────────────────────────────────────────────────────
  const STATUS_ES: Record<OrderStatus, string> = {
    new: 'Esperando el pago',
    paid: 'Pagado',
    paid_partial: 'Pago parcial recibido',
    paid_over: 'Pagado (de más)',
    expired: 'Expirado',
  };
  const page = (title: string, body: string, wide = false) => `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f4f6;color:#16161d}
main{max-width:30rem;margin:0 auto;padding:1rem}main.wide{max-width:64rem}.scroll{overflow-x:auto}
.card{background:#fff;border-radius:1rem;padding:1.25rem;box-shadow:0 1px 3px #0001;margin-bottom:1rem}
.tag{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.02em;text-transform:uppercase;background:#fff3cd;color:#7a5b00;border-radius:999px;padding:.15rem .6rem}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0 0}.muted{color:#5d5d6b;font-size:.9rem}.status{font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr;gap:.35rem .75rem;margin:0;font-size:.9rem}dt{color:#5d5d6b}dd{margin:0;word-break:break-all}
form{margin:0}button{width:100%;min-height:3rem;border:0;border-radius:.75rem;font:inherit;font-weight:600;margin-top:.6rem;cursor:pointer}
.primary{background:#16161d;color:#fff}.secondary{background:#e8e8ee;color:#16161d}.ghost{background:transparent;color:#a11;border:1px solid #e3c0c0}
button:focus-visible{outline:3px solid #6b5bff;outline-offset:2px}
table{width:100%;border-collapse:collapse;font-size:.85rem}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #eee;vertical-align:top}
.row{display:flex;gap:.4rem;flex-wrap:wrap}.row form{flex:1 1 8rem}.row button{min-height:2.4rem;margin-top:.3rem;font-size:.85rem}
input{font:inherit;padding:.4rem;border:1px solid #ccc;border-radius:.5rem;width:100%}
</style></head><body><main${wide ? ' class="wide"' : ''}>${body}</main></body></html>`;

  function money(o: SandboxOrder): string {
    const minor = decimalToMinor(o.order_amount, o.order_currency);
    return minor === null ? `${o.order_amount} ${o.order_currency}` : formatMoney(minor, o.order_currency, 'es');
  }

  function checkoutPage(o: SandboxOrder): string {
    const expires = new Date(o.expire_time);
    const hhmm = expires.toLocaleTimeString('es', { hour: '2-digit', minute: '2-digit' });
    const open = o.status === 'new' || o.status === 'paid_partial';
    const button = (action: string, label: string, cls: string) =>
      `<form method="post" action="/checkout/${esc(o.cregis_id)}/${action}"><button class="${cls}" type="submit">${esc(label)}</button></form>`;
    const actions =
      o.status === 'new'
        ? button('full', 'Pagar el total', 'primary') +
          button('partial', 'Pagar menos (parcial)', 'secondary') +
          button('over', 'Pagar de más', 'secondary') +
          button('expire', 'Dejar expirar', 'ghost')
        : o.status === 'paid_partial'
          ? button('remain', 'Completar el pago', 'primary') + button('expire', 'Dejar expirar', 'ghost')
          : `<p class="muted">Este pago ya no admite acciones.</p>${
              o.success_url && o.status !== 'expired' ? `<p><a href="${esc(o.success_url)}">Volver a la tienda</a></p>` : ''
            }${o.cancel_url && o.status === 'expired' ? `<p><a href="${esc(o.cancel_url)}">Volver a la tienda</a></p>` : ''}`;
    const paid = paidUnits(o);
    return page(
      `Pago ${money(o)}`,
      `<div class="card"><span class="tag">Sandbox Cregis · sin dinero real</span>
<p class="amount">${esc(money(o))}</p>
<p class="muted">Pedido ${esc(o.order_id)}</p>
<p class="status" role="status">${esc(STATUS_ES[o.status])}</p>
${open ? `<p class="muted">Vence a las ${esc(hhmm)} · <span id="left" data-expires="${o.expire_time}"></span></p>` : ''}
</div>
<div class="card"><dl>
<dt>Moneda</dt><dd>${esc(o.token_name)}</dd>
<dt>A pagar</dt><dd>${esc(o.receive_amount)} USDT</dd>
${paid > 0n ? `<dt>Recibido</dt><dd>${esc(tokenText(paid))} USDT</dd>` : ''}
<dt>Dirección</dt><dd>${esc(o.payment_address)}</dd>
</dl></div>
<div class="card">${actions}</div>
<script>
(function(){var el=document.getElementById('left');if(!el)return;var t=Number(el.dataset.expires);
function tick(){var s=Math.max(0,Math.round((t-Date.now())/1000));el.textContent=s>0?('quedan '+Math.floor(s/60)+' min '+String(s%60).padStart(2,'0')+' s'):'expirado';}
tick();setInterval(tick,1000);})();
</script>`,
    );
  }

  function controlPage(): string {
    const orders = Object.values(state.orders).sort((a, b) => b.created_time - a.created_time).slice(0, 50);
    const payouts = Object.values(state.payouts).sort((a, b) => b.created_at - a.created_at).slice(0, 20);
    const op = (id: string, name: string, label: string, extra = '') =>
      `<form method="post" action="/sandbox/api/orders/${esc(id)}/${name}"><input type="hidden" name="_back" value="1">${extra}<button class="secondary" type="submit">${esc(label)}</button></form>`;
    const rows = orders
      .map((o) => {
        const last = o.deliveries.at(-1);
        return `<tr><td><a href="/checkout/${esc(o.cregis_id)}">${esc(o.cregis_id)}</a><br><span class="muted">${esc(o.order_id)}</span></td>
<td>${esc(money(o))}<br><span class="muted">${esc(STATUS_ES[o.status])}${o.refund ? ' · reembolsado' : ''}</span></td>
<td>${last ? `${esc(last.event)}: ${last.ok ? 'success' : esc(`${last.httpStatus ?? 'error'} ${last.answer}`)}` : '—'}<br><span class="muted">${o.deliveries.length} entregas</span></td>
<td><div class="row">${op(o.cregis_id, 'resend', 'Reenviar último')}${op(o.cregis_id, 'duplicate', 'Duplicar ×5', '<input type="hidden" name="times" value="5">')}${op(o.cregis_id, 'refund', 'Reembolsar')}</div>
<form method="post" action="/sandbox/api/orders/${esc(o.cregis_id)}/deliver"><input type="hidden" name="_back" value="1"><input name="events" aria-label="Eventos en orden" placeholder="paid_remain, paid_partial"><button class="secondary" type="submit">Entregar en este orden</button></form></td></tr>`;
      })
      .join('');
    const payoutRows = payouts
      .map((p) => `<tr><td>${p.cid}</td><td>${esc(p.amount)} · ${esc(p.currency)}</td><td>${esc(p.address)}</td><td>${p.status}</td><td>${p.deliveries.length}</td></tr>`)
      .join('');
    return page(
      'Sandbox Cregis',
      `<div class="card"><h1>Sandbox Cregis</h1><p class="muted">Pedidos y retiros de este entorno local. Las acciones envían callbacks firmados al callback_url del pedido.</p></div>
<div class="card scroll"><h2>Pedidos</h2><table><thead><tr><th>Pedido</th><th>Importe</th><th>Último callback</th><th>Acciones</th></tr></thead><tbody>${rows || '<tr><td colspan="4">Sin pedidos todavía.</td></tr>'}</tbody></table></div>
<div class="card scroll"><h2>Retiros</h2><table><thead><tr><th>cid</th><th>Importe</th><th>Dirección</th><th>Estado</th><th>Entregas</th></tr></thead><tbody>${payoutRows || '<tr><td colspan="5">Sin retiros.</td></tr>'}</tbody></table></div>`,
      true,
    );
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────────────────────────────
  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1_000_000) throw new CregisError('A0002', 'Param Error: body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  }
  const sendJson = (res: http.ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  const ok = (res: http.ServerResponse, data: unknown) => sendJson(res, { code: '00000', msg: 'ok', data });
  const redirect = (res: http.ServerResponse, to: string) => send(res, 303, 'text/plain; charset=utf-8', `→ ${to}`, { location: to });

  let baseUrl = '';

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean);

    if (method === 'POST' && url.pathname.startsWith('/api/')) {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (err) {
        if (err instanceof CregisError) throw err;
        throw new CregisError('A0001', 'Param Error: body is not JSON');
      }
      switch (url.pathname) {
        case '/api/v2/checkout':
          return ok(res, await createCheckout(verifyRequest(body, 'checkout'), baseUrl));
        case '/api/v2/order/info': {
          const b = verifyRequest(body, 'checkout');
          const o = state.orders[String(b.cregis_id)];
          if (!o || o.pid !== String(b.pid)) throw new CregisError('E0024', 'Order does not exist');
          return ok(res, orderInfo(o));
        }
        case '/api/v1/payout':
          return ok(res, await createPayout(verifyRequest(body, 'payout')));
        case '/api/v1/payout/query': {
          const b = verifyRequest(body, 'payout');
          const p = state.payouts[String(b.cid)];
          if (!p || p.pid !== String(b.pid)) throw new CregisError('E0014', 'Transfer out of business unqueried to order information');
          return ok(res, payoutInfo(p));
        }
        default:
          return sendJson(res, { code: 'E0004', msg: 'Unsupported interface type', data: null }, 404);
      }
    }

    if (parts[0] === 'checkout' && parts[1]) {
      const o = state.orders[parts[1]];
      if (!o) return send(res, 404, 'text/html; charset=utf-8', page('Pago no encontrado', '<div class="card"><h1>Pago no encontrado</h1></div>'));
      if (method === 'GET' && parts.length === 2) return send(res, 200, 'text/html; charset=utf-8', checkoutPage(o));
      if (method === 'POST' && parts.length === 3) {
        const action = parts[2]!;
        await readBody(req);
        if (action === 'expire') {
          await expire(o);
          return redirect(res, o.cancel_url ?? `/checkout/${o.cregis_id}`);
        }
        if (!['full', 'partial', 'over', 'remain'].includes(action)) return send(res, 400, 'text/plain; charset=utf-8', 'acción desconocida');
        try {
          await payKind(o, action);
        } catch (err) {
          if (err instanceof CregisError) return redirect(res, `/checkout/${o.cregis_id}`);
          throw err;
        }
        return redirect(res, o.success_url ?? `/checkout/${o.cregis_id}`);
      }
    }

    if (parts[0] === 'sandbox') {
      if (method === 'GET' && parts.length === 1) return send(res, 200, 'text/html; charset=utf-8', controlPage());
      if (parts[1] === 'api' && parts[2] === 'orders') {
        if (method === 'GET' && parts.length === 3) {
          const orderId = url.searchParams.get('order_id');
          return sendJson(res, Object.values(state.orders).filter((o) => !orderId || o.order_id === orderId));
        }
        const o = parts[3] ? state.orders[parts[3]] : undefined;
        if (!o) return sendJson(res, { error: 'order not found' }, 404);
        if (method === 'GET' && parts.length === 4) return sendJson(res, o);
        if (method === 'POST' && parts.length === 5) {
          const raw = await readBody(req);
          const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
          const input: Record<string, unknown> = form ? Object.fromEntries(new URLSearchParams(raw)) : raw ? JSON.parse(raw) : {};
          try {
            const result = await control(o, parts[4]!, input);
            return input._back ? redirect(res, '/sandbox') : sendJson(res, { ok: true, result, order: o });
          } catch (err) {
            if (err instanceof CregisError) return input._back ? redirect(res, '/sandbox') : sendJson(res, { error: err.message, code: err.code }, 409);
            throw err;
          }
        }
      }
      if (method === 'GET' && parts[1] === 'api' && parts[2] === 'payouts' && parts[3]) {
        const p = state.payouts[parts[3]];
        return p ? sendJson(res, p) : sendJson(res, { error: 'payout not found' }, 404);
      }
    }

    if (method === 'GET' && url.pathname === '/') return redirect(res, '/sandbox');
    return send(res, 404, 'text/plain; charset=utf-8', 'no encontrado');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (err instanceof CregisError) return sendJson(res, { code: err.code, msg: err.message, data: null });
      log(`cregis sandbox: ${req.method} ${req.url} failed: ${String(err)}`);
      if (!res.headersSent) sendJson(res, { code: 'E9999', msg: 'Internal error', data: null }, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const timer = setInterval(() => void sweep(), sweepMs);
  timer.unref();
  void sweep();

  return {
    url: baseUrl,
    port,
    stop: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persist.settled();
    },
  };
}

/** Fresh credentials for a sandbox project: a 16-digit pid (exact as a JSON number) and a 32-hex API key. */
export function newSandboxProject(): SandboxProject {
  return { pid: randomDigits(16), apiKey: crypto.randomBytes(16).toString('hex') };
}
