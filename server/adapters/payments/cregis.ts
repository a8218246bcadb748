/**
 * Cregis behind the PaymentProvider interface (contract: /work/shared/INTEGRATIONS.md §2). The same code talks to the
 * real service and to the local sandbox (scripts/local/cregis-sandbox.ts); only base URL and keys differ.
 */
import crypto from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { addDecimals, decimalToMinor, minorToDecimal, parseDecimal, proportionalMinor, type Decimal } from './cregis-amounts';
import { cregisPidValue, cregisSignatureValid, signCregisBody, type CregisParams } from './cregis-signing';
import {
  CallbackRejected,
  type CreatePaymentInput,
  type CreatePayoutInput,
  type CreatedPayment,
  type PaymentProvider,
  type PaymentReport,
  type PaymentState,
  type PayoutReport,
  type PayoutState,
  type VerifiedCallback,
  type VerifiedPayoutCallback,
} from './index';

export type CregisConfig = {
  baseUrl: string;
  pid: string;
  apiKey: string;
  /** WaaS project for payouts; the checkout project when unset. */
  payoutPid?: string;
  payoutApiKey?: string;
  callbackMaxAgeS: number;
  /** Per-request timeout; Cregis answers in well under a second when healthy. */
  timeoutMs?: number;
  now?: () => number;
};

type Project = { pid: string; apiKey: string };

/** Callback event types, including the spellings of the older EN page. */
const EVENT_STATE: Record<string, PaymentState> = {
  paid: 'paid',
  paid_partial: 'paid_partial',
  partial_paid: 'paid_partial',
  paid_over: 'paid_over',
  overpaid: 'paid_over',
  paid_remain: 'paid_remain',
  expired: 'expired',
  refunded: 'refunded',
};

/** Order-query `status` values (the query has no refunded status; refunds show in refund_data). */
const ORDER_STATE: Record<string, PaymentState> = {
  new: 'new',
  paid: 'paid',
  paid_partial: 'paid_partial',
  partial_paid: 'paid_partial',
  paid_over: 'paid_over',
  overpaid: 'paid_over',
  expired: 'expired',
};

/** Payout status codes → our state. 0 awaiting audit, 1 sign pass, 5 awaiting sign are still moving. */
export function payoutStateOf(status: number): PayoutState {
  if (status === 6) return 'paid';
  if (status === 7) return 'failed';
  if (status === 2 || status === 3 || status === 4) return 'rejected';
  return 'processing';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** Cregis' page languages are en/tc/sc (no Spanish): Spanish payers get the English page. */
const CREGIS_LANGUAGE: Record<CreatePaymentInput['language'], string> = { es: 'en', en: 'en' };

/**
 * Total received, in minor units of the order currency. Payments in the order currency count as they are; payments in
 * a token are worth the order amount scaled by paid/requested, summed per token before converting so that a partial
 * payment plus its remainder add up to exactly the order amount.
 */
function receivedMinor(
  orderMinor: number | null,
  orderCurrency: string,
  payments: { pay_amount?: unknown; pay_currency?: unknown; receive_amount?: unknown }[],
): number | null {
  let total = 0;
  const perToken = new Map<string, { paid: Decimal; requested: Decimal }>();
  for (const p of payments) {
    const paid = parseDecimal(p.pay_amount);
    if (!paid) return null;
    if (p.pay_currency === orderCurrency) {
      const v = decimalToMinor(p.pay_amount, orderCurrency, 'floor');
      if (v === null) return null;
      total += v;
      continue;
    }
    const requested = parseDecimal(p.receive_amount);
    if (!requested) return null;
    const key = `${String(p.pay_currency)}|${String(p.receive_amount)}`;
    const prev = perToken.get(key);
    perToken.set(key, { paid: prev ? addDecimals(prev.paid, paid) : paid, requested });
  }
  for (const { paid, requested } of perToken.values()) {
    if (orderMinor === null) return null;
    const v = proportionalMinor(orderMinor, paid, requested);
    if (v === null) return null;
    total += v;
  }
  return total;
}

export class CregisProvider implements PaymentProvider {
  readonly name = 'cregis';
  private readonly checkoutProject: Project;
  private readonly payoutProject: Project;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly config: CregisConfig) {
    this.checkoutProject = { pid: config.pid, apiKey: config.apiKey };
    this.payoutProject = { pid: config.payoutPid || config.pid, apiKey: config.payoutApiKey || config.apiKey };
    this.timeoutMs = config.timeoutMs ?? 8000;
    this.now = config.now ?? Date.now;
  }

  private async call(path: string, params: CregisParams, project: Project): Promise<Record<string, unknown>> {
    const body = signCregisBody(params, project, this.now());
    const url = new URL(path, this.config.baseUrl);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new AppError('UPSTREAM_FAILED', {
        internal: timedOut ? `Cregis ${path}: sin respuesta en ${this.timeoutMs} ms` : `Cregis ${path}: no se pudo conectar`,
        cause,
      });
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (cause) {
      throw new AppError('UPSTREAM_FAILED', { internal: `Cregis ${path}: respuesta no válida (HTTP ${res.status})`, cause });
    }
    if (!isRecord(json) || json.code !== '00000') {
      const code = isRecord(json) ? String(json.code ?? '') : '';
      const msg = isRecord(json) ? String(json.msg ?? '') : '';
      throw new AppError('UPSTREAM_FAILED', {
        internal: `Cregis ${path}: ${code || `HTTP ${res.status}`} ${msg}`.trim(),
        data: { providerCode: code },
      });
    }
    return isRecord(json.data) ? json.data : {};
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const data = await this.call(
      '/api/v2/checkout',
      {
        order_id: input.orderId,
        order_amount: minorToDecimal(input.amount, input.currency),
        order_currency: input.currency,
        payer_id: input.payerId,
        payer_email: input.payerEmail,
        valid_time: input.validMinutes,
        callback_url: input.callbackUrl,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        language: CREGIS_LANGUAGE[input.language],
        remark: input.description?.slice(0, 256),
      },
      this.checkoutProject,
    );
    const providerRef = str(data.cregis_id);
    const paymentUrl = str(data.checkout_url);
    const expireMs = typeof data.expire_time === 'number' ? data.expire_time : Number(data.expire_time);
    if (!providerRef || !paymentUrl) {
      throw new AppError('UPSTREAM_FAILED', { internal: 'Cregis /api/v2/checkout: faltan cregis_id o checkout_url' });
    }
    const expiresAt = Number.isFinite(expireMs) && expireMs > 0 ? new Date(expireMs) : new Date(this.now() + input.validMinutes * 60_000);
    return { providerRef, paymentUrl, expiresAt };
  }

  async getPayment(providerRef: string): Promise<PaymentReport> {
    const data = await this.call('/api/v2/order/info', { cregis_id: providerRef }, this.checkoutProject);
    const currency = str(data.order_currency);
    let state = ORDER_STATE[String(data.status)];
    if (!currency || !state) {
      throw new AppError('UPSTREAM_FAILED', { internal: `Cregis /api/v2/order/info: estado desconocido "${String(data.status)}"` });
    }
    // Refunds live beside the status: refund_status 1 = refund done.
    const refund = isRecord(data.refund_data) ? data.refund_data : null;
    if (refund && Number(refund.refund_status) === 1) state = 'refunded';
    const orderAmount = decimalToMinor(data.order_amount, currency);
    const details = Array.isArray(data.payment_detail) ? data.payment_detail.filter(isRecord) : [];
    return {
      providerRef: str(data.cregis_id) ?? providerRef,
      orderId: str(data.order_id),
      state,
      paidAmount: receivedMinor(orderAmount, currency, details),
      orderAmount,
      currency,
    };
  }

  /**
   * Parses a raw JSON body and checks, in order: shape, project id, signature over exactly the received fields
   * (the `data` JSON string as received), timestamp window. Nothing in the body is read for meaning before that.
   */
  private verify(rawBody: string, project: Project): Record<string, unknown> {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new CallbackRejected('malformed', 'el cuerpo no es JSON');
    }
    if (!isRecord(body)) throw new CallbackRejected('malformed', 'el cuerpo no es un objeto JSON');
    for (const [k, v] of Object.entries(body)) {
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new CallbackRejected('malformed', `campo ${k} con tipo no admitido`);
      }
    }
    if (typeof body.sign !== 'string' || body.sign === '') throw new CallbackRejected('bad_signature', 'falta la firma');
    if (str(body.pid) !== project.pid) throw new CallbackRejected('unknown_project', 'pid desconocido');
    if (!cregisSignatureValid(body, project.apiKey)) throw new CallbackRejected('bad_signature', 'firma no válida');
    const ts = typeof body.timestamp === 'string' && /^\d{13}$/.test(body.timestamp) ? Number(body.timestamp) : body.timestamp;
    if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || String(ts).length !== 13) {
      throw new CallbackRejected('malformed', 'timestamp no válido');
    }
    if (Math.abs(this.now() - ts) > this.config.callbackMaxAgeS * 1000) throw new CallbackRejected('stale', 'timestamp fuera de la ventana');
    return body;
  }

  /** The exact message: the same bytes delivered twice share it; a new delivery (new nonce/timestamp) does not. */
  private static dedupeKey(prefix: string, body: Record<string, unknown>): string {
    const id = `${str(body.pid)}|${String(body.nonce)}|${String(body.timestamp)}|${String(body.sign).toLowerCase()}`;
    return prefix + crypto.createHash('sha256').update(id).digest('hex');
  }

  parsePaymentCallback(rawBody: string): VerifiedCallback {
    const body = this.verify(rawBody, this.checkoutProject);
    if (body.event_name !== 'order') throw new CallbackRejected('malformed', 'event_name no admitido');
    const eventType = String(body.event_type);
    const state = EVENT_STATE[eventType];
    if (!state) throw new CallbackRejected('malformed', `event_type no admitido: ${eventType}`);
    if (typeof body.data !== 'string') throw new CallbackRejected('malformed', 'data debe ser un texto JSON');
    let data: unknown;
    try {
      data = JSON.parse(body.data);
    } catch {
      throw new CallbackRejected('malformed', 'data no es JSON');
    }
    if (!isRecord(data)) throw new CallbackRejected('malformed', 'data no es un objeto');
    const providerRef = str(data.cregis_id);
    const currency = str(data.order_currency);
    if (!providerRef || !currency || !/^[A-Z]{3}$/.test(currency)) {
      throw new CallbackRejected('malformed', 'data sin cregis_id u order_currency');
    }
    const orderAmount = decimalToMinor(data.order_amount, currency);
    // A callback states one total (pay_amount, cumulative); no payment at all (new/expired unpaid) is zero.
    const noPayment = data.pay_amount === undefined || data.pay_amount === null || data.pay_amount === '';
    const paidAmount = noPayment ? 0 : receivedMinor(orderAmount, currency, [data as Record<string, unknown>]);
    return {
      providerRef,
      orderId: str(data.order_id),
      state,
      paidAmount,
      orderAmount,
      currency,
      dedupeKey: CregisProvider.dedupeKey('', body),
      eventType: state,
      payload: { ...body },
    };
  }

  async createPayout(input: CreatePayoutInput): Promise<{ providerRef: string }> {
    const data = await this.call(
      '/api/v1/payout',
      {
        // Cregis' currency identifier ("195@195" style) is what our destination calls the network.
        currency: input.network,
        address: input.address,
        amount: minorToDecimal(input.amount, input.currency),
        third_party_id: input.payoutId,
        callback_url: input.callbackUrl,
      },
      this.payoutProject,
    );
    const providerRef = str(data.cid);
    if (!providerRef) throw new AppError('UPSTREAM_FAILED', { internal: 'Cregis /api/v1/payout: falta cid' });
    return { providerRef };
  }

  async getPayout(providerRef: string): Promise<PayoutReport> {
    const data = await this.call('/api/v1/payout/query', { cid: cregisPidValue(providerRef) }, this.payoutProject);
    const status = Number(data.status);
    if (!Number.isInteger(status) || status < 0 || status > 7) {
      throw new AppError('UPSTREAM_FAILED', { internal: `Cregis /api/v1/payout/query: estado desconocido "${String(data.status)}"` });
    }
    return { providerRef, payoutId: str(data.third_party_id), state: payoutStateOf(status), providerStatus: status };
  }

  parsePayoutCallback(rawBody: string): VerifiedPayoutCallback {
    const body = this.verify(rawBody, this.payoutProject);
    const providerRef = str(body.cid);
    const status = typeof body.status === 'string' && /^\d$/.test(body.status) ? Number(body.status) : body.status;
    if (!providerRef || typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 7) {
      throw new CallbackRejected('malformed', 'cid o status no válidos');
    }
    return {
      providerRef,
      payoutId: str(body.third_party_id),
      state: payoutStateOf(status),
      providerStatus: status,
      dedupeKey: CregisProvider.dedupeKey('payout:', body),
      payload: { ...body },
    };
  }
}

export function createCregisProvider(config: CregisConfig): CregisProvider {
  for (const [k, v] of Object.entries({ CREGIS_BASE_URL: config.baseUrl, CREGIS_PID: config.pid, CREGIS_API_KEY: config.apiKey })) {
    if (!v) throw new Error(`${k} is not set (npm run dev starts the local Cregis sandbox and sets it)`);
  }
  return new CregisProvider(config);
}
