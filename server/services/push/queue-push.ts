import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { outbox, pushSubscriptions, storeMembers, users } from '../../db/schema';
import { PUSH_TEMPLATES, type PushData, type PushTemplate } from './templates';

/**
 * Records a push notification for `userId` in the caller's transaction (outbox kind `push`, `to` = user id), in the
 * user's language; sent by the outbox job only if the change commits. Nothing is queued for a person with no
 * subscribed device. `dedupeKey` makes it one notification however often the caller runs.
 */
export async function queuePush<T extends PushTemplate>(
  db: DbOrTx,
  msg: { userId: string; template: T; data: PushData<T>; dedupeKey: string },
): Promise<void> {
  PUSH_TEMPLATES[msg.template].parse(msg.data);
  const [sub] = await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, msg.userId)).limit(1);
  if (!sub) return;
  const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, msg.userId));
  await db
    .insert(outbox)
    .values({ kind: 'push', to: msg.userId, template: msg.template, locale: user?.locale ?? 'es', data: msg.data as Record<string, unknown>, dedupeKey: msg.dedupeKey })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

/** A new paid order: every member of the store's team who has push on (staff ship orders too). */
export async function queueOrderPaidPush(db: DbOrTx, data: PushData<'order_paid'>): Promise<void> {
  const members = await db
    .select({ userId: storeMembers.userId })
    .from(storeMembers)
    .where(and(eq(storeMembers.storeId, data.storeId), sql`exists (select 1 from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${storeMembers.userId})`));
  for (const m of members) {
    await queuePush(db, { userId: m.userId, template: 'order_paid', data, dedupeKey: `push:order_paid:${data.orderId}:${m.userId}` });
  }
}
