import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { cartItems, carts } from '../../db/schema';
import type { TCheckoutLine } from './schemas';

export type CartOwner = { userId: string | null; cartToken: string | null };

/** The caller's cart id: a signed-in buyer's own cart, else the guest cart of the cookie token. */
export async function findCartId(db: DbOrTx, owner: CartOwner): Promise<string | null> {
  if (!owner.userId && !owner.cartToken) return null;
  const rows = await db
    .select({ id: carts.id, userId: carts.userId })
    .from(carts)
    .where(or(owner.userId ? eq(carts.userId, owner.userId) : undefined, owner.cartToken ? eq(carts.token, owner.cartToken) : undefined));
  const mine = rows.find((r) => owner.userId && r.userId === owner.userId);
  if (mine) return mine.id;
  // A guest token only opens a guest cart, or the caller's own.
  const guest = rows.find((r) => r.userId === null || r.userId === owner.userId);
  return guest?.id ?? null;
}

/** Lines of the caller's cart, optionally only those of some stores (resolved by the quote). */
export async function cartLines(db: DbOrTx, owner: CartOwner): Promise<{ cartId: string | null; lines: TCheckoutLine[] }> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return { cartId: null, lines: [] };
  const items = await db
    .select({ variantId: cartItems.variantId, qty: cartItems.qty })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
    .orderBy(cartItems.addedAt);
  return { cartId, lines: items };
}

/** Removes bought variants from the cart (same transaction as the orders). */
export async function removeCartLines(db: DbOrTx, cartId: string, variantIds: string[]): Promise<void> {
  if (!variantIds.length) return;
  await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), inArray(cartItems.variantId, variantIds)));
}
