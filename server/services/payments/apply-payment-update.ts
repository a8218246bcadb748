import type { Db } from '../../db/client';
import type { PaymentReport } from '../../adapters/payments';

export type PaymentUpdateSource = 'callback' | 'reconcile';
export type PaymentUpdateOutcome =
  | 'paid'
  | 'partially_paid'
  | 'expired'
  | 'review'
  | 'refunded'
  | 'unchanged' //       already in that state (duplicate / out-of-order report): no effect
  | 'unknown_payment'; // no checkout has this provider ref: logged and ignored

/**
 * The one place a provider's word about a payment changes our state, whether it came by callback or by the
 * reconciliation job. Idempotent and order-insensitive: every effect (checkout status, orders paid, stock consumed,
 * ledger postings, emails, receipts) happens at most once however often and in whatever order reports arrive.
 */
export async function applyPaymentUpdate(_input: {
  db: Db;
  provider: string;
  report: PaymentReport;
  source: PaymentUpdateSource;
}): Promise<{ outcome: PaymentUpdateOutcome; checkoutId?: string }> {
  throw new Error('applyPaymentUpdate: being implemented'); // TODO(session): core checkout work
}
