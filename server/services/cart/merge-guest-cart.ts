import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { cartItems, carts, productVariants } from '../../db/schema';
import { generateCartToken } from './cart-token';
import { MAX_LINE_QTY } from './schemas';

/**
 * Moves a guest cart into the buyer's cart after sign-in, in one transaction: quantities of the same variant are
 * summed, capped by what is available and by 99, never lowering what the buyer already had. A line that is sold
 * out keeps one unit so the cart shows it as "agotado" instead of dropping it silently. The guest cart is deleted,
 * so running this again (or concurrently: the guest row is locked first) merges nothing twice.
 */
export async function mergeGuestCart({ db, userId, token }: { db: DbOrTx; userId: string; token: string }): Promise<{ mergedLines: number }> {
  const [guest] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.token, token), isNull(carts.userId)))
    .limit(1);
  if (!guest) return { mergedLines: 0 };

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guest.id), isNull(carts.userId)))
      .for('update');
    if (!locked) return { mergedLines: 0 };

    await tx.insert(carts).values({ token: generateCartToken(), userId }).onConflictDoNothing({ target: carts.userId });
    const [userCart] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).for('update');
    const userCartId = userCart!.id;

    const guestLines = await tx
      .select({
        variantId: cartItems.variantId,
        qty: cartItems.qty,
        addedAt: cartItems.addedAt,
        available: sql<number>`(${productVariants.stock} - ${productVariants.reserved})::int`,
      })
      .from(cartItems)
      .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
      .where(eq(cartItems.cartId, guest.id));
    const existing = new Map(
      (await tx.select({ variantId: cartItems.variantId, qty: cartItems.qty }).from(cartItems).where(eq(cartItems.cartId, userCartId))).map(
        (r) => [r.variantId, r.qty],
      ),
    );

    for (const line of guestLines) {
      const had = existing.get(line.variantId) ?? 0;
      const qty = Math.max(1, had, Math.min(had + line.qty, MAX_LINE_QTY, Number(line.available)));
      await tx
        .insert(cartItems)
        .values({ cartId: userCartId, variantId: line.variantId, qty, addedAt: line.addedAt })
        .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { qty } });
    }
    await tx.delete(carts).where(eq(carts.id, guest.id));
    if (guestLines.length) await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, userCartId));
    return { mergedLines: guestLines.length };
  });
}
