import { and, desc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { subscriptions, type Subscription } from '../../db/schema';

/** Same day and time next month in UTC; a day the next month lacks becomes its last day (31 Jan → 28/29 Feb). */
export function addMonthUtc(d: Date): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

/** The active period covering `at`, if any. */
export async function coveringPeriod(db: DbOrTx, userId: string, at: Date): Promise<Subscription | undefined> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'active'), lte(subscriptions.periodStart, at), gt(subscriptions.periodEnd, at)))
    .orderBy(desc(subscriptions.periodEnd))
    .limit(1);
  return row;
}

/** Where paid time ends: the latest end of the user's active periods (renewals queue after it). */
export async function paidUntil(db: DbOrTx, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ periodEnd: subscriptions.periodEnd })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'active'), isNotNull(subscriptions.periodEnd)))
    .orderBy(desc(subscriptions.periodEnd))
    .limit(1);
  return row?.periodEnd ?? null;
}
