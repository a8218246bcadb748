import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { plans, subscriptions, users, type Checkout } from '../../db/schema';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { queueEmail } from '../outbox/queue-email';
import { lockOwner } from '../plans/get-plan-usage';
import { addMonthUtc, paidUntil } from './periods';
import { clearReadOnly } from './read-only';
import { appendAudit } from '../audit/append-audit';

/**
 * Called by applyPaymentUpdate, inside its transaction, when a checkout of purpose 'subscription' is paid in full:
 * activates the period (or extends the current one), switches the user's plan, posts the ledger transaction and
 * queues the 'plan_activated' email. Idempotent per checkout.
 */
export async function activateSubscriptionPayment(db: DbOrTx, checkout: Checkout, now: Date = new Date()): Promise<void> {
  const [pending] = await db.select({ userId: subscriptions.userId }).from(subscriptions).where(eq(subscriptions.checkoutId, checkout.id));
  // A paid subscription checkout without its subscription row would lose the money silently: fail the transaction.
  if (!pending) throw new Error(`subscription checkout ${checkout.id} has no subscription row`);
  // Same lock as the sweep and the upgrade: an expiry and an activation of one user never interleave.
  await lockOwner({ db, ownerId: pending.userId });
  const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.checkoutId, checkout.id)).for('update');
  if (!sub) throw new Error(`subscription of checkout ${checkout.id} vanished`);

  // The posting is unique per subscription, so a replay after a partial failure still books the money once.
  await postLedgerTransaction(db, {
    kind: 'subscription',
    refType: 'subscription',
    refId: sub.id,
    currency: checkout.currency,
    memo: `Plan ${sub.planCode}`,
    lines: [
      { owner: 'platform', kind: 'clearing', amount: checkout.amount },
      { owner: 'platform', kind: 'subscription_revenue', amount: -checkout.amount },
    ],
  });
  if (sub.status !== 'pending') return;

  const until = await paidUntil(db, sub.userId);
  const periodStart = until && until > now ? until : now;
  const periodEnd = addMonthUtc(periodStart);
  await db.update(subscriptions).set({ status: 'active', periodStart, periodEnd }).where(eq(subscriptions.id, sub.id));
  await db.update(users).set({ planCode: sub.planCode }).where(eq(users.id, sub.userId));
  await appendAudit(db, {
    actor: 'system:billing',
    action: 'plan.activated',
    subject: `user:${sub.userId}`,
    data: { plan: sub.planCode, subscriptionId: sub.id, checkoutId: sub.checkoutId, periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString() },
  });
  await clearReadOnly(db, sub.userId);

  const [user] = await db.select({ email: users.email, name: users.displayName, locale: users.locale }).from(users).where(eq(users.id, sub.userId));
  const [plan] = await db.select({ nameEs: plans.nameEs, nameEn: plans.nameEn }).from(plans).where(eq(plans.code, sub.planCode));
  if (user) {
    await queueEmail(db, {
      to: user.email,
      template: 'plan_activated',
      locale: user.locale,
      data: {
        ...(user.name ? { name: user.name } : {}),
        planName: (user.locale === 'en' ? plan?.nameEn : plan?.nameEs) ?? 'Pro',
        periodEnd: periodEnd.toISOString(),
        amount: checkout.amount,
        currency: checkout.currency,
      },
      dedupeKey: `plan_activated:${sub.id}`,
    });
  }
}
