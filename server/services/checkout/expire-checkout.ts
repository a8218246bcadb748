import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkouts } from '../../db/schema';
import { paymentProvider } from '../../adapters/payments';
import { logger } from '../../log/logger';
import { applyPaymentUpdate } from '../payments/apply-payment-update';
import { closeUnpaidCheckout } from './release-checkout';

/**
 * Closes a checkout whose window has passed. It first asks the provider (a callback may never have come): if the
 * payment did arrive, it is applied instead. If the provider cannot be reached the checkout is closed anyway — a
 * payment that turns up later is held for review, never lost.
 */
export async function expireCheckoutIfDue({ db, checkoutId, now = new Date() }: { db: Db; checkoutId: string; now?: Date }): Promise<'expired' | 'paid' | 'not_due' | 'closed'> {
  const [checkout] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
  if (!checkout || !['pending', 'partially_paid'].includes(checkout.status)) return 'closed';
  if (checkout.expiresAt > now) return 'not_due';
  if (checkout.providerRef) {
    try {
      const report = await paymentProvider().getPayment(checkout.providerRef);
      if (report.state !== 'new') {
        const { outcome } = await applyPaymentUpdate({ db, provider: checkout.provider, report, source: 'reconcile' });
        if (outcome === 'paid') return 'paid';
      }
    } catch (err) {
      logger.warn({ err, checkoutId }, 'provider not reachable while expiring a checkout; closing it anyway');
    }
  }
  const closed = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(checkouts).where(eq(checkouts.id, checkoutId)).for('update');
    if (!locked) return false;
    return closeUnpaidCheckout(tx, locked, 'expired', 'system');
  });
  return closed ? 'expired' : 'closed';
}

/** Open checkouts whose window ended more than `graceMs` ago (a callback or the expiry job should have closed them). */
export async function overdueCheckouts({ db, now = new Date(), graceMs = 60_000, limit = 100 }: { db: Db; now?: Date; graceMs?: number; limit?: number }): Promise<string[]> {
  const rows = await db
    .select({ id: checkouts.id })
    .from(checkouts)
    .where(and(inArray(checkouts.status, ['pending', 'partially_paid']), lt(checkouts.expiresAt, new Date(now.getTime() - graceMs))))
    .orderBy(checkouts.expiresAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
