import { and, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { storeMembers, stores, storeSuspensions, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { ZListStoresInput, ZListUsersInput, ZRestoreStoreInput, ZSuspendStoreInput } from './schemas';

const like = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Stores for the admin console: name/slug/owner email search, status filter, newest first. */
export async function listStoresAdmin({ db, input }: { db: Db; input: z.input<typeof ZListStoresInput> }) {
  const { q, status, limit } = ZListStoresInput.parse(input);
  const where = [
    status === 'all' ? undefined : eq(stores.status, status),
    q ? or(ilike(stores.name, like(q)), ilike(stores.slug, like(q)), ilike(users.email, like(q))) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select({
      id: stores.id,
      slug: stores.slug,
      name: stores.name,
      status: stores.status,
      kycStatus: stores.kycStatus,
      featured: stores.featured,
      createdAt: stores.createdAt,
      ownerEmail: users.email,
      productCount: sql<number>`(select count(*)::int from products p where p.store_id = ${stores.id} and p.status = 'active')`,
      suspensionReason: sql<string | null>`(select ss.reason from store_suspensions ss where ss.store_id = ${stores.id} and ss.restored_at is null order by ss.suspended_at desc limit 1)`,
    })
    .from(stores)
    .leftJoin(storeMembers, and(eq(storeMembers.storeId, stores.id), eq(storeMembers.role, 'owner')))
    .leftJoin(users, eq(users.id, storeMembers.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(stores.createdAt), desc(stores.id))
    .limit(limit);
  return rows;
}

/**
 * Suspends a store: it disappears from every public page (catalogue reads filter `status = 'active'`), its products
 * cannot be added to carts or checked out, and the reason is kept. Audited. Suspending a suspended store is CONFLICT.
 */
export async function suspendStore({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZSuspendStoreInput> }) {
  const data = ZSuspendStoreInput.parse(input);
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(stores).where(eq(stores.id, data.storeId)).for('update');
    if (!s) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
    if (s.status === 'suspended') throw new AppError('CONFLICT', { key: 'admin.storeAlreadySuspended', data: { reason: 'ALREADY_SUSPENDED' } });
    await tx.update(stores).set({ status: 'suspended', updatedAt: sql`now()` }).where(eq(stores.id, s.id));
    await tx.insert(storeSuspensions).values({ storeId: s.id, reason: data.reason, suspendedBy: adminId });
    await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.store_suspended', subject: `store:${s.id}`, data: { slug: s.slug, reason: data.reason } });
    return { id: s.id, slug: s.slug, status: 'suspended' as const };
  });
}

export async function restoreStore({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZRestoreStoreInput> }) {
  const data = ZRestoreStoreInput.parse(input);
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(stores).where(eq(stores.id, data.storeId)).for('update');
    if (!s) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
    if (s.status !== 'suspended') throw new AppError('CONFLICT', { key: 'admin.storeNotSuspended', data: { reason: 'NOT_SUSPENDED' } });
    // A store whose owner's account is suspended comes back with the account (server/services/admin/users.ts).
    const [suspendedOwner] = await tx
      .select({ id: users.id })
      .from(storeMembers)
      .innerJoin(users, eq(users.id, storeMembers.userId))
      .where(and(eq(storeMembers.storeId, s.id), eq(storeMembers.role, 'owner'), isNotNull(users.suspendedAt)))
      .limit(1);
    if (suspendedOwner) {
      throw new AppError('CONFLICT', { key: 'admin.ownerSuspended', data: { reason: 'OWNER_SUSPENDED' } });
    }
    await tx.update(stores).set({ status: 'active', updatedAt: sql`now()` }).where(eq(stores.id, s.id));
    await tx
      .update(storeSuspensions)
      .set({ restoredBy: adminId, restoredAt: sql`now()` })
      .where(and(eq(storeSuspensions.storeId, s.id), isNull(storeSuspensions.restoredAt)));
    await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.store_restored', subject: `store:${s.id}`, data: { slug: s.slug, reason: data.reason } });
    return { id: s.id, slug: s.slug, status: 'active' as const };
  });
}

/** People with their plan and how many stores they own. */
export async function listUsersAdmin({ db, input }: { db: Db; input: z.input<typeof ZListUsersInput> }) {
  const { q, status, limit } = ZListUsersInput.parse(input);
  const where = [
    status === 'all' ? undefined : status === 'suspended' ? isNotNull(users.suspendedAt) : isNull(users.suspendedAt),
    q ? or(ilike(users.email, like(q)), ilike(users.displayName, like(q))) : undefined,
  ].filter(Boolean);
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      planCode: users.planCode,
      createdAt: users.createdAt,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      storesOwned: sql<number>`(select count(*)::int from store_members m where m.user_id = ${users.id} and m.role = 'owner')`,
    })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(users.createdAt))
    .limit(limit);
}
