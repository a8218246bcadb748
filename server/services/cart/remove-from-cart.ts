import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cartItems } from '../../db/schema';
import { unitsInCart } from './count-cart-items';
import { findCartId, touchCart } from './resolve-cart';
import { ZRemoveFromCartInput, type CartOwner, type TRemoveFromCartInput } from './schemas';

/** Removes a line; removing what is not there is not an error (a double tap, another tab). */
export async function removeFromCart({ db, owner, input }: { db: Db; owner: CartOwner; input: TRemoveFromCartInput }) {
  const { variantId } = ZRemoveFromCartInput.parse(input);
  const cartId = await findCartId({ db, owner });
  if (!cartId) return { variantId, count: 0 };
  return db.transaction(async (tx) => {
    await tx.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
    await touchCart({ tx, cartId });
    return { variantId, count: await unitsInCart({ db: tx, cartId }) };
  });
}
