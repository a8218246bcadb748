import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { pushPreferences, pushSubscriptions } from '../../db/schema';
import type { TPushPreferences, TPushSubscription } from './schemas';

/**
 * Stores (or re-points) a browser's subscription for `userId`. An endpoint belongs to one browser profile: if
 * another account subscribed it before (shared phone, sign-out/sign-in), it moves to the current one.
 */
export async function subscribePush(db: DbOrTx, userId: string, sub: TPushSubscription): Promise<{ id: string }> {
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ userId, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: sub.userAgent ?? null })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: sub.userAgent ?? null, failures: 0 },
    })
    .returning({ id: pushSubscriptions.id });
  return row!;
}

/** Removes the caller's own subscription for that endpoint; someone else's endpoint is left alone (no-op). */
export async function unsubscribePush(db: DbOrTx, userId: string, endpoint: string): Promise<{ removed: boolean }> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return { removed: rows.length > 0 };
}

export const DEFAULT_PREFERENCES: TPushPreferences = { newOrder: true, newMessage: true, storeLive: true };

export async function getPushPreferences(db: DbOrTx, userId: string): Promise<TPushPreferences> {
  const [row] = await db
    .select({ newOrder: pushPreferences.newOrder, newMessage: pushPreferences.newMessage, storeLive: pushPreferences.storeLive })
    .from(pushPreferences)
    .where(eq(pushPreferences.userId, userId));
  return row ?? DEFAULT_PREFERENCES;
}

export async function setPushPreferences(db: DbOrTx, userId: string, prefs: TPushPreferences): Promise<TPushPreferences> {
  await db
    .insert(pushPreferences)
    .values({ userId, ...prefs })
    .onConflictDoUpdate({ target: pushPreferences.userId, set: { ...prefs, updatedAt: sql`now()` } });
  return prefs;
}

/** How many devices of this user receive pushes (the settings card shows it). */
export async function countSubscriptions(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return row?.n ?? 0;
}
