import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cartItems } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { unitsInCart } from './count-cart-items';
import { lockOrCreateCart, touchCart } from './resolve-cart';
import { MAX_LINE_QTY, ZAddToCartInput, type CartOwner, type TAddToCartInput } from './schemas';
import { assertAvailable, sellableVariant } from './sellable-variant';

/** Adds units of a variant (on top of what the cart already has); answers the line's new quantity and the cart's count. */
export async function addToCart({ db, owner, input }: { db: Db; owner: CartOwner; input: TAddToCartInput }) {
  const { variantId, qty } = ZAddToCartInput.parse(input);
  return db.transaction(async (tx) => {
    const variant = await sellableVariant({ tx, variantId });
    const cartId = await lockOrCreateCart({ tx, owner });
    const [line] = await tx
      .select({ qty: cartItems.qty })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
    const inCart = line?.qty ?? 0;
    const wanted = inCart + qty;
    if (wanted > MAX_LINE_QTY) {
      throw new AppError('CONFLICT', {
        key: 'cart.maxQty',
        params: { max: MAX_LINE_QTY, inCart },
        data: { reason: 'MAX_QTY', max: MAX_LINE_QTY, inCart },
      });
    }
    assertAvailable({ wanted, available: variant.available, inCart });
    await tx
      .insert(cartItems)
      .values({ cartId, variantId, qty: wanted })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { qty: wanted } });
    await touchCart({ tx, cartId });
    return { variantId, qty: wanted, count: await unitsInCart({ db: tx, cartId }) };
  });
}
