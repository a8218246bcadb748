import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { coupons, type Coupon, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { ZCreateCouponInput, ZUpdateCouponInput, type TCreateCouponInput, type TUpdateCouponInput } from './schemas';

const notFound = () => new AppError('NOT_FOUND', { key: 'notFound.coupon' });

function codeTaken(code: string, cause: unknown) {
  return new AppError('CONFLICT', {
    key: 'coupon.codeTaken',
    params: { code },
    fields: { code: 'coupon.codeTakenField' },
    cause,
  });
}

/** postgres.js puts the PostgreSQL error on `cause` when it comes through drizzle; checked by shape (see FINDINGS). */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505' && (e as { constraint_name?: string }).constraint_name === constraint;
}

function pastExpiry(expiresAt: Date | null): AppError | null {
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    return new AppError('BAD_REQUEST', { key: 'generic.invalidInput', fields: { expiresAt: 'coupon.expiryPastField' } });
  }
  return null;
}

export async function createCoupon({ db, store, input }: { db: Db; store: Store; input: TCreateCouponInput }): Promise<Coupon> {
  const c = ZCreateCouponInput.parse(input);
  const expired = pastExpiry(c.expiresAt);
  if (expired) throw expired;
  try {
    const [row] = await db
      .insert(coupons)
      .values({
        storeId: store.id,
        code: c.code,
        kind: c.kind,
        value: c.value,
        minAmount: c.minAmount,
        usageLimit: c.usageLimit,
        expiresAt: c.expiresAt,
        active: c.active,
      })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err, 'coupons_store_id_code_idx')) throw codeTaken(c.code, err);
    throw err;
  }
}

/**
 * The usage limit can never drop below what was already used: the condition sits in the UPDATE itself, so a coupon
 * redeemed while the seller edits is counted too.
 */
export async function updateCoupon({ db, store, input }: { db: Db; store: Store; input: TUpdateCouponInput }): Promise<Coupon> {
  const c = ZUpdateCouponInput.parse(input);
  const [current] = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.id, c.couponId), eq(coupons.storeId, store.id)));
  if (!current) throw notFound();
  // An unchanged past date may stay (editing an expired coupon's other fields); a new one must be in the future.
  if (c.expiresAt?.getTime() !== current.expiresAt?.getTime()) {
    const expired = pastExpiry(c.expiresAt);
    if (expired) throw expired;
  }
  let row: Coupon | undefined;
  try {
    [row] = await db
      .update(coupons)
      .set({
        code: c.code,
        kind: c.kind,
        value: c.value,
        minAmount: c.minAmount,
        usageLimit: c.usageLimit,
        expiresAt: c.expiresAt,
        active: c.active,
      })
      .where(
        and(
          eq(coupons.id, c.couponId),
          eq(coupons.storeId, store.id),
          c.usageLimit === null ? sql`true` : sql`${coupons.usedCount} <= ${c.usageLimit}`,
        ),
      )
      .returning();
  } catch (err) {
    if (isUniqueViolation(err, 'coupons_store_id_code_idx')) throw codeTaken(c.code, err);
    throw err;
  }
  if (!row) {
    const [now] = await db.select({ used: coupons.usedCount }).from(coupons).where(eq(coupons.id, c.couponId));
    if (!now) throw notFound();
    throw new AppError('CONFLICT', {
      key: 'coupon.limitBelowUses',
      fields: { usageLimit: { key: 'coupon.limitBelowUsesField', params: { used: now.used } } },
    });
  }
  return row;
}

export async function setCouponActive({ db, store, couponId, active }: { db: Db; store: Store; couponId: string; active: boolean }): Promise<Coupon> {
  const [row] = await db
    .update(coupons)
    .set({ active })
    .where(and(eq(coupons.id, couponId), eq(coupons.storeId, store.id)))
    .returning();
  if (!row) throw notFound();
  return row;
}

/** Orders keep the code they used (coupon_code), so deleting a used coupon loses no history. */
export async function deleteCoupon({ db, store, couponId }: { db: Db; store: Store; couponId: string }): Promise<{ id: string }> {
  const [row] = await db
    .delete(coupons)
    .where(and(eq(coupons.id, couponId), eq(coupons.storeId, store.id)))
    .returning({ id: coupons.id });
  if (!row) throw notFound();
  return row;
}
