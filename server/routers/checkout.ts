import { cartLines } from '../services/checkout/cart-lines';
import { createCheckout } from '../services/checkout/create-checkout';
import { getCheckoutStatus } from '../services/checkout/get-checkout-status';
import { computeQuote } from '../services/checkout/quote';
import { ZCheckoutRef, ZCreateCheckoutInput, ZQuoteInput } from '../services/checkout/schemas';
import { ensureUserProfile } from '../services/identity/ensure-user-profile';
import { createTRPCRouter, publicProcedure, rateLimit } from '../trpc/init';

export const checkoutRouter = createTRPCRouter({
  /** What the caller's cart costs right now, per store, with the chosen delivery options and coupons. */
  quote: publicProcedure.input(ZQuoteInput).query(async ({ ctx, input }) => {
    const { lines } = await cartLines(ctx.db, { userId: ctx.user?.id ?? null, cartToken: ctx.cartToken });
    return computeQuote({ db: ctx.db, lines, choices: input.stores, locale: ctx.locale });
  }),

  create: publicProcedure.input(ZCreateCheckoutInput).use(rateLimit('checkout')).mutation(async ({ ctx, input }) => {
    // Orders reference the buyer's profile row; a buyer may check out before any other signed-in call made it.
    if (ctx.user) await ensureUserProfile({ db: ctx.db, user: ctx.user });
    return createCheckout({ db: ctx.db, buyerUserId: ctx.user?.id ?? null, cart: { userId: ctx.user?.id ?? null, cartToken: ctx.cartToken }, input });
  }),

  status: publicProcedure
    .input(ZCheckoutRef)
    .query(({ ctx, input }) => getCheckoutStatus({ db: ctx.db, checkoutId: input.checkoutId, token: input.token, userId: ctx.user?.id ?? null })),
});
