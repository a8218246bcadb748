import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { plans, products, storeMembers, stores } from '../../db/schema';
import { AppError } from '../../errors/app-error';

async function ownedStoreIds(db: DbOrTx, userId: string, order: 'oldest_first' | 'any' = 'any'): Promise<string[]> {
  const rows = await db
    .select({ id: stores.id })
    .from(storeMembers)
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .where(and(eq(storeMembers.userId, userId), eq(storeMembers.role, 'owner')))
    .orderBy(...(order === 'oldest_first' ? [asc(stores.createdAt), asc(stores.id)] : []));
  return rows.map((r) => r.id);
}

/**
 * After a downgrade to Free: the owner's oldest stores up to the Free store limit and the most recently updated active
 * products up to the Free product limit stay editable; the rest become read-only. Nothing is deleted or archived —
 * read-only stores and products stay visible and keep selling. Rows already read-only keep their original date.
 * Returns how many stores and products are read-only now.
 */
export async function applyFreeReadOnly(db: DbOrTx, userId: string, at: Date): Promise<{ stores: number; products: number }> {
  const [free] = await db.select({ limits: plans.limits }).from(plans).where(eq(plans.code, 'free'));
  if (!free) throw new Error('plan free missing from plans table');
  const storeIds = await ownedStoreIds(db, userId, 'oldest_first');
  const lockedStores = storeIds.slice(free.limits.stores);
  if (lockedStores.length) {
    await db.update(stores).set({ readOnlySince: at }).where(and(inArray(stores.id, lockedStores), isNull(stores.readOnlySince)));
  }
  let lockedProducts = 0;
  if (storeIds.length) {
    const keep = await db
      .select({ id: products.id })
      .from(products)
      .where(and(inArray(products.storeId, storeIds), eq(products.status, 'active')))
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(free.limits.activeProducts);
    const keepIds = keep.map((k) => k.id);
    const locked = await db
      .update(products)
      .set({ readOnlySince: sql`coalesce(${products.readOnlySince}, ${at.toISOString()}::timestamptz)` })
      .where(and(inArray(products.storeId, storeIds), eq(products.status, 'active'), keepIds.length ? notInArray(products.id, keepIds) : undefined))
      .returning({ id: products.id });
    lockedProducts = locked.length;
  }
  return { stores: lockedStores.length, products: lockedProducts };
}

/** Back on Pro: everything the owner has is editable again (Pro's limits are above anything Free left behind). */
export async function clearReadOnly(db: DbOrTx, userId: string): Promise<void> {
  const storeIds = await ownedStoreIds(db, userId);
  if (!storeIds.length) return;
  await db.update(stores).set({ readOnlySince: null }).where(and(inArray(stores.id, storeIds), sql`${stores.readOnlySince} is not null`));
  await db.update(products).set({ readOnlySince: null }).where(and(inArray(products.storeId, storeIds), sql`${products.readOnlySince} is not null`));
}

/** What is read-only now across the owner's stores (the plan page and billing.status show it). */
export async function readOnlyCounts(db: DbOrTx, userId: string): Promise<{ stores: number; products: number }> {
  const storeIds = await ownedStoreIds(db, userId);
  if (!storeIds.length) return { stores: 0, products: 0 };
  const [s] = await db.select({ n: sql<number>`count(*)::int` }).from(stores).where(and(inArray(stores.id, storeIds), sql`${stores.readOnlySince} is not null`));
  const [p] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .where(and(inArray(products.storeId, storeIds), sql`${products.readOnlySince} is not null`));
  return { stores: s?.n ?? 0, products: p?.n ?? 0 };
}

const READ_ONLY_MESSAGE = {
  product: 'plan.readOnlyProduct',
  store: 'plan.readOnlyStore',
} as const;

/** Thrown by every seller write to a row the downgrade made read-only. */
export function readOnlyError(kind: keyof typeof READ_ONLY_MESSAGE): AppError {
  return new AppError('FORBIDDEN', { key: READ_ONLY_MESSAGE[kind], data: { reason: 'READ_ONLY', resource: kind } });
}

export function assertWritable(kind: keyof typeof READ_ONLY_MESSAGE, row: { readOnlySince: Date | null }): void {
  if (row.readOnlySince) throw readOnlyError(kind);
}
