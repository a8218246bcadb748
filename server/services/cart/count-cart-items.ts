import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { cartItems } from '../../db/schema';
import { findCartId } from './resolve-cart';
import type { CartOwner } from './schemas';

export async function unitsInCart({ db, cartId }: { db: DbOrTx; cartId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartItems.qty}), 0)::int` })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId));
  return Number(row?.n ?? 0);
}

/** Units in the owner's cart, for the header badge. */
export async function countCartItems({ db, owner }: { db: DbOrTx; owner: CartOwner }): Promise<number> {
  const cartId = await findCartId({ db, owner });
  return cartId ? unitsInCart({ db, cartId }) : 0;
}
