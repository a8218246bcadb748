import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { carts } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { generateCartToken } from './cart-token';
import { mergeGuestCart } from './merge-guest-cart';
import type { CartOwner } from './schemas';

/**
 * The owner's cart id, or null when there is none yet. A signed-in buyer who still carries a guest token gets the
 * guest cart merged in first (a no-op once merged), so whichever cart call comes first after sign-in does it.
 */
export async function findCartId({ db, owner }: { db: DbOrTx; owner: CartOwner }): Promise<string | null> {
  if (owner.userId) {
    if (owner.token) await mergeGuestCart({ db, userId: owner.userId, token: owner.token });
    const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, owner.userId)).limit(1);
    return row?.id ?? null;
  }
  if (!owner.token) return null;
  // A user's cart never answers to a cookie: after sign-out the same browser must not see it.
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.token, owner.token), isNull(carts.userId)))
    .limit(1);
  return row?.id ?? null;
}

/** The owner's cart id, created when missing, locked FOR UPDATE so changes to one cart run one at a time. */
export async function lockOrCreateCart({ tx, owner }: { tx: DbOrTx; owner: CartOwner }): Promise<string> {
  if (owner.userId) {
    if (owner.token) await mergeGuestCart({ db: tx, userId: owner.userId, token: owner.token });
    // User carts get their own random token (the column is required), never the browser's guest token.
    await tx.insert(carts).values({ token: generateCartToken(), userId: owner.userId }).onConflictDoNothing({ target: carts.userId });
    const [row] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, owner.userId)).for('update');
    return row!.id;
  }
  if (!owner.token) {
    throw new AppError('BAD_REQUEST', { key: 'cart.cookiesRequired' });
  }
  await tx.insert(carts).values({ token: owner.token }).onConflictDoNothing({ target: carts.token });
  const [row] = await tx
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.token, owner.token), isNull(carts.userId)))
    .for('update');
  if (!row) throw new AppError('BAD_REQUEST', { key: 'cart.cookiesRequired' });
  return row.id;
}

export async function touchCart({ tx, cartId }: { tx: DbOrTx; cartId: string }) {
  await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
}
