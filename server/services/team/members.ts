import { and, asc, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { storeMembers, users, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import type { InvitableRole, StoreRole } from './permissions';

const ROLE_ORDER = sql`case ${storeMembers.role} when 'owner' then 0 when 'manager' then 1 else 2 end`;

export async function listMembers({ db, store }: { db: Db; store: Store }) {
  const rows = await db
    .select({ userId: storeMembers.userId, role: storeMembers.role, email: users.email, name: users.displayName, joinedAt: storeMembers.createdAt })
    .from(storeMembers)
    .innerJoin(users, eq(users.id, storeMembers.userId))
    .where(eq(storeMembers.storeId, store.id))
    .orderBy(ROLE_ORDER, asc(storeMembers.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as StoreRole }));
}

/** Locks the membership row of `userId` in the store; NOT_FOUND when there is none, FORBIDDEN for the owner's. */
async function lockNonOwner(tx: Parameters<Parameters<Db['transaction']>[0]>[0], storeId: string, userId: string) {
  const [m] = await tx
    .select({ role: storeMembers.role })
    .from(storeMembers)
    .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.userId, userId)))
    .for('update')
    .limit(1);
  if (!m) throw new AppError('NOT_FOUND', { key: 'team.notMember' });
  if (m.role === 'owner') {
    throw new AppError('FORBIDDEN', { key: 'team.ownerImmutable', data: { reason: 'OWNER_IMMUTABLE' } });
  }
  return m.role as InvitableRole;
}

export async function changeMemberRole({ db, store, actor, userId, role }: { db: Db; store: Store; actor: SessionUser; userId: string; role: InvitableRole }) {
  return db.transaction(async (tx) => {
    const from = await lockNonOwner(tx, store.id, userId);
    if (from === role) return { userId, role, changed: false };
    await tx.update(storeMembers).set({ role }).where(and(eq(storeMembers.storeId, store.id), eq(storeMembers.userId, userId)));
    await appendAudit(tx, { actor: `user:${actor.id}`, action: 'team.role_changed', subject: `store:${store.id}`, data: { userId, from, to: role } });
    return { userId, role, changed: true };
  });
}

export async function removeMember({ db, store, actor, userId }: { db: Db; store: Store; actor: SessionUser; userId: string }) {
  return db.transaction(async (tx) => {
    const role = await lockNonOwner(tx, store.id, userId);
    await tx.delete(storeMembers).where(and(eq(storeMembers.storeId, store.id), eq(storeMembers.userId, userId)));
    await appendAudit(tx, {
      actor: `user:${actor.id}`,
      action: userId === actor.id ? 'team.left' : 'team.member_removed',
      subject: `store:${store.id}`,
      data: { userId, role },
    });
    return { userId };
  });
}
