import type { Db } from '../../db/client';

/**
 * Opens the provider payment for a checkout row that exists and is pending (any purpose: orders, subscription, tip):
 * calls the configured PaymentProvider.createPayment (valid time = the checkout's expiry), stores provider_ref and
 * payment_url. Safe to call again: a checkout that already has a provider ref is returned as is. If the provider
 * fails, the checkout is marked failed and its reservations released, and the AppError UPSTREAM_FAILED is thrown.
 */
export async function createProviderPayment(_input: {
  db: Db;
  checkoutId: string;
  /** Where the provider sends the payer back: `${APP_URL}<returnPath>`. */
  returnPath: string;
  locale?: 'es' | 'en';
  description?: string;
}): Promise<{ paymentUrl: string; providerRef: string }> {
  throw new Error('createProviderPayment: being implemented'); // TODO(session): core checkout work
}
