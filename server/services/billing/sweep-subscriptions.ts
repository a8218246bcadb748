import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { checkouts, plans, subscriptions, users } from '../../db/schema';
import { logger } from '../../log/logger';
import { queueEmail } from '../outbox/queue-email';
import { lockOwner } from '../plans/get-plan-usage';
import { coveringPeriod } from './periods';
import { applyFreeReadOnly } from './read-only';
import { appendAudit } from '../audit/append-audit';

export const REMINDER_DAYS = 3;
const DAY_MS = 86_400_000;

export type SweepResult = { cancelled: number; expired: number; downgraded: number; reminded: number };

async function planNames(db: DbOrTx) {
  const rows = await db.select().from(plans);
  return new Map(rows.map((p) => [p.code, p]));
}

/**
 * Hourly: closes subscriptions whose payment never came, ends lapsed periods (back to Free with what is over the Free
 * limits made read-only, unless another paid period covers now) and reminds owners 3 days before the end of a period
 * no later payment extends. Each user is handled in its own transaction under the user's row lock (the same lock the
 * activation takes), and every step is conditional, so the sweep can run any number of times and at any moment.
 */
export async function sweepSubscriptions({
  db,
  now = new Date(),
  onlyUserIds,
}: {
  db: Db;
  now?: Date;
  /** Limit the sweep to these users (a targeted re-run; tests sharing one database). */
  onlyUserIds?: string[];
}): Promise<SweepResult> {
  const scope = onlyUserIds ? inArray(subscriptions.userId, onlyUserIds) : undefined;
  const result: SweepResult = { cancelled: 0, expired: 0, downgraded: 0, reminded: 0 };

  // 1. A pending period whose checkout closed without money will never activate.
  const closed = await db
    .update(subscriptions)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(subscriptions.status, 'pending'),
        scope,
        inArray(subscriptions.checkoutId, db.select({ id: checkouts.id }).from(checkouts).where(inArray(checkouts.status, ['expired', 'failed']))),
      ),
    )
    .returning({ id: subscriptions.id });
  result.cancelled = closed.length;

  // 2. Lapsed periods, one user at a time.
  const lapsedUsers = await db
    .selectDistinct({ userId: subscriptions.userId })
    .from(subscriptions)
    .where(and(eq(subscriptions.status, 'active'), lte(subscriptions.periodEnd, now), scope));
  const names = await planNames(db);
  for (const { userId } of lapsedUsers) {
    try {
      const r = await db.transaction(async (tx) => {
        await lockOwner({ db: tx, ownerId: userId });
        const ended = await tx
          .update(subscriptions)
          .set({ status: 'expired' })
          .where(and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'active'), lte(subscriptions.periodEnd, now)))
          .returning({ id: subscriptions.id, planCode: subscriptions.planCode });
        if (!ended.length || (await coveringPeriod(tx, userId, now))) return { expired: ended.length, downgraded: false };
        const [user] = await tx.select().from(users).where(eq(users.id, userId));
        if (!user || user.planCode === 'free') return { expired: ended.length, downgraded: false };
        await tx.update(users).set({ planCode: 'free' }).where(eq(users.id, userId));
        await appendAudit(tx, { actor: 'system:subscriptions.sweep', action: 'plan.downgraded', subject: `user:${userId}`, data: { from: user.planCode, to: 'free' } });
        const readOnly = await applyFreeReadOnly(tx, userId, now);
        const lapsed = names.get(ended[0]!.planCode);
        await queueEmail(tx, {
          to: user.email,
          template: 'plan_downgraded',
          locale: user.locale,
          data: {
            ...(user.displayName ? { name: user.displayName } : {}),
            planName: (user.locale === 'en' ? lapsed?.nameEn : lapsed?.nameEs) ?? 'Pro',
            readOnlyStores: readOnly.stores,
            readOnlyProducts: readOnly.products,
          },
          dedupeKey: `plan_downgraded:${ended.map((e) => e.id).sort()[0]}`,
        });
        return { expired: ended.length, downgraded: true };
      });
      result.expired += r.expired;
      if (r.downgraded) result.downgraded++;
    } catch (err) {
      // One user's failure must not stop the others; the next run tries again.
      logger.error({ err, userId }, 'subscriptions sweep: expiring a user failed');
    }
  }

  // 3. Reminders for periods ending within 3 days that no later paid period extends.
  const due = await db
    .select({ id: subscriptions.id, userId: subscriptions.userId, periodEnd: subscriptions.periodEnd, planCode: subscriptions.planCode })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.status, 'active'),
        scope,
        isNull(subscriptions.reminderSentAt),
        gt(subscriptions.periodEnd, now),
        lte(subscriptions.periodEnd, new Date(now.getTime() + REMINDER_DAYS * DAY_MS)),
        sql`not exists (select 1 from subscriptions later where later.user_id = ${subscriptions.userId} and later.status = 'active' and later.period_end > ${subscriptions.periodEnd})`,
      ),
    );
  for (const s of due) {
    await db.transaction(async (tx) => {
      const [marked] = await tx
        .update(subscriptions)
        .set({ reminderSentAt: now })
        .where(and(eq(subscriptions.id, s.id), isNull(subscriptions.reminderSentAt)))
        .returning({ id: subscriptions.id });
      if (!marked) return;
      const [user] = await tx.select().from(users).where(eq(users.id, s.userId));
      const plan = names.get(s.planCode);
      if (!user || !plan) return;
      await queueEmail(tx, {
        to: user.email,
        template: 'plan_renewal_reminder',
        locale: user.locale,
        data: {
          ...(user.displayName ? { name: user.displayName } : {}),
          planName: user.locale === 'en' ? plan.nameEn : plan.nameEs,
          periodEnd: s.periodEnd!.toISOString(),
          amount: plan.monthlyPrice,
          currency: plan.currency,
        },
        dedupeKey: `plan_renewal_reminder:${s.id}`,
      });
      result.reminded++;
    });
  }
  return result;
}
