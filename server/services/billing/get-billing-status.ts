import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { checkouts, plans, subscriptions, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { coveringPeriod, paidUntil } from './periods';
import { readOnlyCounts } from './read-only';

export const ZBillingStatusInput = z
  .object({
    /** The `?pago=` of the plan page after the provider sent the payer back. */
    checkoutId: z.string().uuid().optional(),
  })
  .optional();

/**
 * The plan page's billing facts: plan now, the paid period (and until when renewals reach), a payment still open,
 * what is read-only, and — when the payer just came back — how that payment stands.
 */
export async function getBillingStatus({ db, userId, input, now = new Date() }: { db: Db; userId: string; input?: z.input<typeof ZBillingStatusInput>; now?: Date }) {
  const q = ZBillingStatusInput.parse(input) ?? {};
  const [user] = await db.select({ planCode: users.planCode }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND', { key: 'notFound.user' });
  const [pro] = await db.select({ monthlyPrice: plans.monthlyPrice, currency: plans.currency }).from(plans).where(eq(plans.code, 'pro'));
  const current = await coveringPeriod(db, userId, now);
  const until = await paidUntil(db, userId);
  const [pending] = await db
    .select({ id: checkouts.id, paymentUrl: checkouts.paymentUrl, expiresAt: checkouts.expiresAt, amount: checkouts.amount, currency: checkouts.currency })
    .from(subscriptions)
    .innerJoin(checkouts, eq(checkouts.id, subscriptions.checkoutId))
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'pending'), eq(checkouts.status, 'pending'), gt(checkouts.expiresAt, now)))
    .orderBy(desc(checkouts.createdAt))
    .limit(1);

  let returned: { checkoutId: string; state: 'confirmed' | 'pending' | 'failed' | 'review'; periodEnd: Date | null } | null = null;
  if (q.checkoutId) {
    // Only the payer's own subscription checkout: another id answers nothing (no hint it exists).
    const [row] = await db
      .select({ status: checkouts.status, subStatus: subscriptions.status, periodEnd: subscriptions.periodEnd })
      .from(checkouts)
      .innerJoin(subscriptions, eq(subscriptions.checkoutId, checkouts.id))
      .where(and(eq(checkouts.id, q.checkoutId), eq(checkouts.purpose, 'subscription'), eq(subscriptions.userId, userId)));
    if (row) {
      const state =
        row.status === 'paid' && row.subStatus !== 'pending'
          ? 'confirmed'
          : row.status === 'pending' || row.status === 'partially_paid'
            ? 'pending'
            : row.status === 'review'
              ? 'review'
              : 'failed';
      returned = { checkoutId: q.checkoutId, state, periodEnd: row.periodEnd };
    }
  }

  return {
    plan: user.planCode,
    proPrice: pro ?? null,
    activePeriod: current ? { start: current.periodStart!, end: current.periodEnd! } : null,
    /** The end of the last paid period (later than activePeriod.end after a renewal). */
    paidUntil: until && until > now ? until : null,
    pendingCheckout: pending ?? null,
    readOnly: await readOnlyCounts(db, userId),
    returned,
  };
}
