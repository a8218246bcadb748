/**
 * Payment providers behind one interface: Cregis now (real service or the local sandbox — same adapter, only the
 * base URL and keys differ), Stripe and Mercado Pago later. Amounts cross this boundary in integer minor units;
 * each adapter converts to its wire format.
 */

import { env } from '../../env';
import { createCregisProvider } from './cregis';

/** Provider-neutral payment state. Cregis statuses map 1:1 (older spellings normalised by the adapter). */
export type PaymentState =
  | 'new' //          created, nothing received
  | 'paid' //         the full amount arrived
  | 'paid_partial' // less than due arrived
  | 'paid_over' //    more than due arrived
  | 'paid_remain' //  the rest of a partial payment arrived (now complete)
  | 'expired' //      validity window passed without (full) payment
  | 'refunded'; //    the provider refunded the payment

export type CreatePaymentInput = {
  /** Our checkout id; the provider's merchant order id. */
  orderId: string;
  amount: number;
  currency: string;
  payerId: string;
  payerEmail?: string;
  /** 10–60 minutes. */
  validMinutes: number;
  callbackUrl: string;
  successUrl: string;
  cancelUrl: string;
  language: 'es' | 'en';
  description?: string;
};

export type CreatedPayment = { providerRef: string; paymentUrl: string; expiresAt: Date };

/** What the provider says about a payment now (order query) or in a verified callback. */
export type PaymentReport = {
  providerRef: string;
  /** Our checkout id as echoed by the provider, when it does. */
  orderId?: string;
  state: PaymentState;
  /** Total received so far, minor units of `currency`; null when the provider did not say. */
  paidAmount: number | null;
  /** The amount the provider holds as due, minor units; used to detect mismatches. */
  orderAmount: number | null;
  currency: string;
};

/** A callback that passed signature and timestamp checks. */
export type VerifiedCallback = PaymentReport & {
  /** Unique per distinct callback: the same callback delivered again has the same key. */
  dedupeKey: string;
  eventType: string;
  payload: Record<string, unknown>;
};

export type PayoutState = 'processing' | 'paid' | 'failed' | 'rejected';

export type CreatePayoutInput = {
  /** Our payout id (Cregis third_party_id). */
  payoutId: string;
  amount: number;
  currency: string;
  address: string;
  network: string;
  callbackUrl: string;
};

export type PayoutReport = { providerRef: string; payoutId?: string; state: PayoutState; providerStatus: number };
export type VerifiedPayoutCallback = PayoutReport & { dedupeKey: string; payload: Record<string, unknown> };

/** Thrown by parse*Callback for anything that must not be acted on (bad signature, stale, malformed). */
export class CallbackRejected extends Error {
  constructor(
    readonly reason: 'malformed' | 'bad_signature' | 'stale' | 'unknown_project',
    message: string,
  ) {
    super(message);
    this.name = 'CallbackRejected';
  }
}

export interface PaymentProvider {
  /** Stored on checkouts.provider / payouts.provider. */
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  getPayment(providerRef: string): Promise<PaymentReport>;
  /** Verifies the raw callback body (signature, timestamp window) before anything else reads it. */
  parsePaymentCallback(rawBody: string): VerifiedCallback;
  createPayout(input: CreatePayoutInput): Promise<{ providerRef: string }>;
  getPayout(providerRef: string): Promise<PayoutReport>;
  parsePayoutCallback(rawBody: string): VerifiedPayoutCallback;
}

let override: PaymentProvider | undefined;
let configured: PaymentProvider | undefined;

/** The configured provider (PAYMENTS_PROVIDER; Cregis against the local sandbox by default). */
export function paymentProvider(): PaymentProvider {
  if (override) return override;
  if (!configured) {
    const e = env();
    configured = createCregisProvider({
      baseUrl: e.CREGIS_BASE_URL ?? '',
      pid: e.CREGIS_PID ?? '',
      apiKey: e.CREGIS_API_KEY ?? '',
      payoutPid: e.CREGIS_PAYOUT_PID,
      payoutApiKey: e.CREGIS_PAYOUT_API_KEY,
      callbackMaxAgeS: e.CREGIS_CALLBACK_MAX_AGE_S,
    });
  }
  return configured;
}

/** Tests only: run services against another implementation (e.g. one that records calls). */
export function setPaymentProviderForTests(p: PaymentProvider | undefined): void {
  override = p;
}
