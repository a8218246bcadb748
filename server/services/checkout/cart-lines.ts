import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { cartItems } from '../../db/schema';
import { findCartId } from '../cart/resolve-cart';
import type { TCheckoutLine } from './schemas';

export type CartOwner = { userId: string | null; cartToken: string | null };

/** Lines of the caller's cart, optionally only those of some stores (resolved by the quote). */
export async function cartLines(db: DbOrTx, owner: CartOwner): Promise<{ cartId: string | null; lines: TCheckoutLine[] }> {
  // The cart domain's resolution: a signed-in buyer's guest cart is merged in first, a user cart never answers a cookie.
  const cartId = await findCartId({ db, owner: { userId: owner.userId, token: owner.cartToken } });
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
