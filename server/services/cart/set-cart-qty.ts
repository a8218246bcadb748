import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cartItems } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { unitsInCart } from './count-cart-items';
import { lockOrCreateCart, touchCart } from './resolve-cart';
import { ZSetCartQtyInput, type CartOwner, type TSetCartQtyInput } from './schemas';
import { assertAvailable, sellableVariant } from './sellable-variant';

/** Sets a line's quantity. Lowering is always allowed (even below a sold-out stock); raising must fit what is left. */
export async function setCartQty({ db, owner, input }: { db: Db; owner: CartOwner; input: TSetCartQtyInput }) {
  const { variantId, qty } = ZSetCartQtyInput.parse(input);
  return db.transaction(async (tx) => {
    const cartId = await lockOrCreateCart({ tx, owner });
    const [line] = await tx
      .select({ qty: cartItems.qty })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
    if (!line) throw new AppError('NOT_FOUND', { key: 'cart.lineGone' });
    if (qty > line.qty) {
      const variant = await sellableVariant({ tx, variantId });
      assertAvailable({ wanted: qty, available: variant.available, inCart: line.qty });
    }
    await tx
      .update(cartItems)
      .set({ qty })
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
    await touchCart({ tx, cartId });
    return { variantId, qty, count: await unitsInCart({ db: tx, cartId }) };
  });
}
