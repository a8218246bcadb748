import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { storeMembers, stores, storeSuspensions, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { ZRestoreUserInput, ZSuspendUserInput } from './schemas';

/**
 * Suspends a person's account: they cannot sign in, their existing session stops working (authed procedures answer
 * FORBIDDEN `ACCOUNT_SUSPENDED`, server pages treat them as signed out, token refresh is refused), and every active
 * store they own is suspended with them (`store_suspensions.by_owner_suspension`), so it vanishes from the marketplace
 * and cannot sell. Stores an admin had already suspended on their own keep that separate suspension. Audited.
 * An admin cannot suspend themself; suspending a suspended account is CONFLICT.
 */
export async function suspendUser({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZSuspendUserInput> }) {
  const data = ZSuspendUserInput.parse(input);
  if (data.userId === adminId) {
    throw new AppError('FORBIDDEN', { key: 'admin.selfSuspension', data: { reason: 'SELF_SUSPENSION' } });
  }
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, data.userId)).for('update');
    if (!u) throw new AppError('NOT_FOUND', { key: 'notFound.user' });
    if (u.suspendedAt) throw new AppError('CONFLICT', { key: 'admin.accountAlreadySuspended', data: { reason: 'ALREADY_SUSPENDED' } });
    await tx.update(users).set({ suspendedAt: sql`now()`, suspendedReason: data.reason }).where(eq(users.id, u.id));
    // Owned stores that are active now; ordered by id so two admins never lock them in different orders.
    const owned = await tx
      .select({ id: stores.id, slug: stores.slug })
      .from(stores)
      .innerJoin(storeMembers, and(eq(storeMembers.storeId, stores.id), eq(storeMembers.userId, u.id), eq(storeMembers.role, 'owner')))
      .where(eq(stores.status, 'active'))
      .orderBy(stores.id)
      .for('update', { of: stores });
    if (owned.length) {
      await tx
        .update(stores)
        .set({ status: 'suspended', updatedAt: sql`now()` })
        .where(
          inArray(
            stores.id,
            owned.map((s) => s.id),
          ),
        );
      await tx.insert(storeSuspensions).values(owned.map((s) => ({ storeId: s.id, reason: data.reason, suspendedBy: adminId, byOwnerSuspension: true })));
    }
    await appendAudit(tx, {
      actor: `admin:${adminId}`,
      action: 'admin.user_suspended',
      subject: `user:${u.id}`,
      data: { email: u.email, reason: data.reason, stores: owned.map((s) => s.slug) },
    });
    return { id: u.id, status: 'suspended' as const, storeSlugs: owned.map((s) => s.slug) };
  });
}

/** Lifts a user suspension and restores the stores that were suspended because of it (not the ones suspended on their own). Audited. */
export async function restoreUser({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZRestoreUserInput> }) {
  const data = ZRestoreUserInput.parse(input);
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, data.userId)).for('update');
    if (!u) throw new AppError('NOT_FOUND', { key: 'notFound.user' });
    if (!u.suspendedAt) throw new AppError('CONFLICT', { key: 'admin.accountNotSuspended', data: { reason: 'NOT_SUSPENDED' } });
    await tx.update(users).set({ suspendedAt: null, suspendedReason: null }).where(eq(users.id, u.id));
    // Stores this person owns whose open suspension came from theirs (not ones an admin suspended on their own).
    const back = await tx
      .select({ id: stores.id, slug: stores.slug })
      .from(storeSuspensions)
      .innerJoin(stores, eq(stores.id, storeSuspensions.storeId))
      .innerJoin(storeMembers, and(eq(storeMembers.storeId, stores.id), eq(storeMembers.userId, u.id), eq(storeMembers.role, 'owner')))
      .where(and(eq(storeSuspensions.byOwnerSuspension, true), isNull(storeSuspensions.restoredAt), eq(stores.status, 'suspended')))
      .orderBy(stores.id)
      .for('update', { of: stores });
    if (back.length) {
      const ids = back.map((s) => s.id);
      await tx.update(stores).set({ status: 'active', updatedAt: sql`now()` }).where(inArray(stores.id, ids));
      await tx
        .update(storeSuspensions)
        .set({ restoredBy: adminId, restoredAt: sql`now()` })
        .where(and(inArray(storeSuspensions.storeId, ids), eq(storeSuspensions.byOwnerSuspension, true), isNull(storeSuspensions.restoredAt)));
    }
    await appendAudit(tx, {
      actor: `admin:${adminId}`,
      action: 'admin.user_restored',
      subject: `user:${u.id}`,
      data: { email: u.email, reason: data.reason, stores: back.map((s) => s.slug) },
    });
    return { id: u.id, status: 'active' as const, storeSlugs: back.map((s) => s.slug) };
  });
}
