import { getMediaStorage } from '../adapters/media';
import { addToCart } from '../services/cart/add-to-cart';
import { countCartItems } from '../services/cart/count-cart-items';
import { getCart } from '../services/cart/get-cart';
import { removeFromCart } from '../services/cart/remove-from-cart';
import { ZAddToCartInput, ZRemoveFromCartInput, ZSetCartQtyInput, type CartOwner } from '../services/cart/schemas';
import { setCartQty } from '../services/cart/set-cart-qty';
import type { Context } from '../trpc/init';
import { createTRPCRouter, publicProcedure } from '../trpc/init';

const mediaUrl = (key: string) => getMediaStorage().publicUrl(key);
const ownerOf = (ctx: Context): CartOwner => ({ userId: ctx.user?.id ?? null, token: ctx.cartToken });

/** The buyer's cart: a guest's by cookie token, a signed-in buyer's by user id (the guest cart merged in on sign-in). */
export const cartRouter = createTRPCRouter({
  get: publicProcedure.query(({ ctx }) => getCart({ db: ctx.db, owner: ownerOf(ctx), mediaUrl })),
  count: publicProcedure.query(({ ctx }) => countCartItems({ db: ctx.db, owner: ownerOf(ctx) })),
  add: publicProcedure.input(ZAddToCartInput).mutation(({ ctx, input }) => addToCart({ db: ctx.db, owner: ownerOf(ctx), input })),
  setQty: publicProcedure.input(ZSetCartQtyInput).mutation(({ ctx, input }) => setCartQty({ db: ctx.db, owner: ownerOf(ctx), input })),
  remove: publicProcedure.input(ZRemoveFromCartInput).mutation(({ ctx, input }) => removeFromCart({ db: ctx.db, owner: ownerOf(ctx), input })),
});
