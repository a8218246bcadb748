import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { follows, stores } from '../../db/schema';
import { AppError } from '../../errors/app-error';

export async function followStore({ db, userId, storeId }: { db: Db; userId: string; storeId: string }) {
  const [store] = await db.select({ id: stores.id }).from(stores).where(and(eq(stores.id, storeId), eq(stores.status, 'active')));
  if (!store) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  await db.insert(follows).values({ userId, storeId }).onConflictDoNothing();
  return followState({ db, userId, storeId });
}

export async function unfollowStore({ db, userId, storeId }: { db: Db; userId: string; storeId: string }) {
  await db.delete(follows).where(and(eq(follows.userId, userId), eq(follows.storeId, storeId)));
  return followState({ db, userId, storeId });
}

export async function followState({ db, userId, storeId }: { db: Db; userId: string | null; storeId: string }) {
  const [row] = (await db.execute(sql`
    select count(*)::int as followers, coalesce(bool_or(user_id = ${userId ?? ''}), false) as following
    from follows where store_id = ${storeId}`)) as unknown as Array<{ followers: number; following: boolean }>;
  return { following: !!row?.following, followers: row?.followers ?? 0, signedIn: userId !== null };
}
