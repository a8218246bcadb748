import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkouts } from '../../db/schema';
import { env } from '../../env';
import { AppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { paymentProvider } from '../../adapters/payments';
import { closeUnpaidCheckout } from './release-checkout';

/**
 * Opens the provider payment for a pending checkout (any purpose: orders, subscription, tip): calls
 * PaymentProvider.createPayment, stores provider_ref and payment_url. Safe to call again: a checkout that already has
 * a provider ref answers it. The checkout row stays locked during the provider call so two concurrent calls (a
 * double-submitted retry) never open two provider orders. If the provider fails, the checkout is closed as failed
 * (stock and coupons come back) and UPSTREAM_FAILED is thrown.
 */
export async function createProviderPayment({
  db,
  checkoutId,
  returnPath,
  locale = 'es',
  description,
}: {
  db: Db;
  checkoutId: string;
  /** Where the provider sends the payer back: `${APP_URL}<returnPath>`. */
  returnPath: string;
  locale?: 'es' | 'en';
  description?: string;
}): Promise<{ paymentUrl: string; providerRef: string }> {
  const provider = paymentProvider();
  const appUrl = env().APP_URL.replace(/\/$/, '');
  let failure: unknown;
  const result = await db.transaction(async (tx) => {
    const [checkout] = await tx.select().from(checkouts).where(eq(checkouts.id, checkoutId)).for('update');
    if (!checkout) throw new AppError('NOT_FOUND', { key: 'notFound.payment' });
    if (checkout.providerRef && checkout.paymentUrl) return { paymentUrl: checkout.paymentUrl, providerRef: checkout.providerRef };
    if (checkout.status !== 'pending') {
      throw new AppError('CONFLICT', { key: 'checkout.paymentClosed', data: { reason: 'CHECKOUT_CLOSED', status: checkout.status } });
    }
    const minutesLeft = Math.ceil((checkout.expiresAt.getTime() - Date.now()) / 60_000);
    try {
      const created = await provider.createPayment({
        orderId: checkout.id,
        amount: checkout.amount,
        currency: checkout.currency,
        payerId: checkout.buyerUserId ?? `guest:${checkout.email}`,
        payerEmail: checkout.email,
        validMinutes: Math.min(60, Math.max(10, minutesLeft)),
        callbackUrl: `${appUrl}/api/webhooks/cregis`,
        successUrl: `${appUrl}${returnPath}`,
        cancelUrl: `${appUrl}${returnPath}`,
        language: locale,
        description,
      });
      await tx
        .update(checkouts)
        .set({ providerRef: created.providerRef, paymentUrl: created.paymentUrl, updatedAt: sql`now()` })
        .where(eq(checkouts.id, checkout.id));
      return { paymentUrl: created.paymentUrl, providerRef: created.providerRef };
    } catch (err) {
      failure = err;
      return null;
    }
  });
  if (result) return result;

  logger.warn({ err: failure, checkoutId }, 'payment provider could not open the payment; closing the checkout');
  await db.transaction(async (tx) => {
    const [checkout] = await tx.select().from(checkouts).where(eq(checkouts.id, checkoutId)).for('update');
    if (checkout && !checkout.providerRef) await closeUnpaidCheckout(tx, checkout, 'failed', 'system');
  });
  throw new AppError('UPSTREAM_FAILED', {
    key: 'checkout.paymentOpenFailed',
    cause: failure,
  });
}
