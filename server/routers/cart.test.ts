import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cartItems, carts, productVariants, stores } from '../db/schema';
import { generateCartToken } from '../services/cart/cart-token';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

/** A seller's store with one product per entry; returns variant ids by "<product>/<option value>" (or product title). */
async function storeWithProducts(items: { title: string; price: number; stocks: Record<string, number> | number }[], currency: 'PEN' | 'USD' = 'PEN') {
  const seller = await createTestUser(db);
  const api = callerFor(db, seller);
  const store = await api.store.create({ name: `Tienda ${n}`, slug: uniqueSlug('tienda'), currency });
  const variants: Record<string, string> = {};
  const productIds: Record<string, string> = {};
  for (const item of items) {
    const withOptions = typeof item.stocks !== 'number';
    const stocks = item.stocks;
    const created = await api.product.create({
      storeId: store.id,
      title: item.title,
      price: item.price,
      currency,
      options: typeof stocks === 'number' ? [] : [{ name: 'Talla', values: Object.keys(stocks) }],
      variants: typeof stocks === 'number' ? [{ options: {}, stock: stocks }] : Object.entries(stocks).map(([talla, stock]) => ({ options: { Talla: talla }, stock })),
    });
    productIds[item.title] = created.id;
    const rows = await db.select().from(productVariants).where(eq(productVariants.productId, created.id));
    for (const v of rows) variants[withOptions ? `${item.title}/${v.options.Talla}` : item.title] = v.id;
  }
  return { store, variants, productIds, api };
}

const guest = (token = generateCartToken()) => callerFor(db, null, token);

describe('guest cart', () => {
  it('adds lines, groups them per store with current price, stock and subtotal, and counts units', async () => {
    const a = await storeWithProducts([
      { title: 'Chompa', price: 18900, stocks: { S: 5, M: 2 } },
      { title: 'Gorro', price: 4500, stocks: 10 },
    ]);
    const b = await storeWithProducts([{ title: 'Taza', price: 1200, stocks: 3 }], 'USD');
    const cart = guest();
    expect(await cart.cart.add({ variantId: a.variants['Chompa/S']!, qty: 2 })).toMatchObject({ qty: 2, count: 2 });
    expect(await cart.cart.add({ variantId: a.variants['Chompa/S']!, qty: 1 })).toMatchObject({ qty: 3, count: 3 });
    await cart.cart.add({ variantId: a.variants.Gorro!, qty: 1 });
    await cart.cart.add({ variantId: b.variants.Taza!, qty: 3 });

    const view = await cart.cart.get();
    expect(view.count).toBe(7);
    expect(view.currencies).toEqual(['PEN', 'USD']);
    expect(view.groups.map((g) => [g.storeId, g.currency, g.subtotal, g.hasProblems])).toEqual([
      [a.store.id, 'PEN', 3 * 18900 + 4500, false],
      [b.store.id, 'USD', 3 * 1200, false],
    ]);
    expect(view.groups[0]!.lines[0]).toMatchObject({ title: 'Chompa', options: { Talla: 'S' }, unitPrice: 18900, qty: 3, available: 5, lineTotal: 56700, problem: null });
    expect(await cart.cart.count()).toBe(7);

    await cart.cart.setQty({ variantId: a.variants['Chompa/S']!, qty: 1 });
    await cart.cart.remove({ variantId: a.variants.Gorro! });
    await cart.cart.remove({ variantId: a.variants.Gorro! }); // twice: not an error
    const after = await cart.cart.get();
    expect(after.groups[0]!.lines.map((l) => [l.title, l.qty])).toEqual([['Chompa', 1]]);
    expect(after.count).toBe(4);
  });

  it('keeps one guest out of another guest’s cart', async () => {
    const a = await storeWithProducts([{ title: 'Chompa', price: 18900, stocks: 5 }]);
    const alice = guest();
    const bob = guest();
    await alice.cart.add({ variantId: a.variants.Chompa!, qty: 2 });

    expect(await bob.cart.get()).toEqual({ groups: [], count: 0, currencies: [] });
    expect(await bob.cart.count()).toBe(0);
    const err = await rejectionOf(bob.cart.setQty({ variantId: a.variants.Chompa!, qty: 1 }));
    expect(err.code).toBe('NOT_FOUND');
    await bob.cart.remove({ variantId: a.variants.Chompa! });
    expect((await alice.cart.get()).count).toBe(2);

    // No token at all (cookies off): nothing to read, and adding says why.
    const anonymous = callerFor(db, null, null);
    expect((await anonymous.cart.get()).count).toBe(0);
    const noCookie = await rejectionOf(anonymous.cart.add({ variantId: a.variants.Chompa!, qty: 1 }));
    expect(noCookie.code).toBe('BAD_REQUEST');
    expect(noCookie.message).toMatch(/cookies/);
  });

  it('enforces quantity limits and stock with the available count in the error', async () => {
    const a = await storeWithProducts([
      { title: 'Chompa', price: 18900, stocks: 3 },
      { title: 'Mucho', price: 100, stocks: 500 },
    ]);
    const cart = guest();
    for (const qty of [0, 100, 1.5]) {
      const err = await rejectionOf(cart.cart.add({ variantId: a.variants.Chompa!, qty }));
      expect(err.code).toBe('BAD_REQUEST');
    }
    await cart.cart.add({ variantId: a.variants.Chompa!, qty: 2 });
    const tooMany = await rejectionOf(cart.cart.add({ variantId: a.variants.Chompa!, qty: 2 }));
    expect(tooMany.code).toBe('CONFLICT');
    expect(tooMany.cause?.data).toEqual({ reason: 'INSUFFICIENT_STOCK', available: 3, inCart: 2 });
    expect(tooMany.message).toBe('Solo quedan 3 unidades y ya tienes 2 en tu carrito.');
    const setTooMany = await rejectionOf(cart.cart.setQty({ variantId: a.variants.Chompa!, qty: 4 }));
    expect(setTooMany.cause?.data).toMatchObject({ reason: 'INSUFFICIENT_STOCK', available: 3 });
    expect((await cart.cart.get()).count).toBe(2);

    await cart.cart.add({ variantId: a.variants.Mucho!, qty: 99 });
    const over99 = await rejectionOf(cart.cart.add({ variantId: a.variants.Mucho!, qty: 1 }));
    expect(over99.cause?.data).toMatchObject({ reason: 'MAX_QTY', max: 99, inCart: 99 });

    // Reserved units (pending payments) are not available.
    await db.update(productVariants).set({ reserved: 3 }).where(eq(productVariants.id, a.variants.Chompa!));
    const soldOut = await rejectionOf(guest().cart.add({ variantId: a.variants.Chompa!, qty: 1 }));
    expect(soldOut.cause?.data).toMatchObject({ reason: 'OUT_OF_STOCK', available: 0 });
    expect(soldOut.message).toBe('Este producto está agotado.');

    const unknown = await rejectionOf(cart.cart.add({ variantId: crypto.randomUUID(), qty: 1 }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('refuses archived products and suspended stores, and flags lines that became unbuyable', async () => {
    const a = await storeWithProducts([
      { title: 'Chompa', price: 18900, stocks: 5 },
      { title: 'Gorro', price: 4500, stocks: 5 },
      { title: 'Bufanda', price: 3000, stocks: 5 },
    ]);
    const cart = guest();
    await cart.cart.add({ variantId: a.variants.Chompa!, qty: 2 });
    await cart.cart.add({ variantId: a.variants.Gorro!, qty: 4 });
    await cart.cart.add({ variantId: a.variants.Bufanda!, qty: 1 });

    await a.api.product.archive({ storeId: a.store.id, productId: a.productIds.Chompa! });
    await db.update(productVariants).set({ stock: 3 }).where(eq(productVariants.id, a.variants.Gorro!));
    await db.update(productVariants).set({ price: 3500 }).where(eq(productVariants.id, a.variants.Bufanda!));

    const view = await cart.cart.get();
    const lines = view.groups[0]!.lines;
    expect(lines.map((l) => [l.title, l.problem, l.available])).toEqual([
      ['Chompa', 'unavailable', 5],
      ['Gorro', 'insufficient_stock', 3],
      ['Bufanda', null, 5],
    ]);
    expect(lines[2]!.unitPrice).toBe(3500); // today's price, not the price when added
    expect(view.groups[0]!.subtotal).toBe(3500);
    expect(view.groups[0]!.hasProblems).toBe(true);

    const archived = await rejectionOf(cart.cart.add({ variantId: a.variants.Chompa!, qty: 1 }));
    expect(archived.cause?.data).toEqual({ reason: 'UNAVAILABLE' });
    // Lowering a line that is over the stock is always allowed.
    await cart.cart.setQty({ variantId: a.variants.Gorro!, qty: 3 });

    await db.update(stores).set({ status: 'suspended' }).where(eq(stores.id, a.store.id));
    const suspended = await rejectionOf(cart.cart.add({ variantId: a.variants.Bufanda!, qty: 1 }));
    expect(suspended.code).toBe('CONFLICT');
    expect((await cart.cart.get()).groups[0]!.lines.every((l) => l.problem === 'unavailable')).toBe(true);
  });
});

describe('signed-in cart', () => {
  it('merges the guest cart on the first cart call after sign-in, capped by stock and 99, exactly once', async () => {
    const a = await storeWithProducts([
      { title: 'Chompa', price: 18900, stocks: 4 },
      { title: 'Gorro', price: 4500, stocks: 200 },
      { title: 'Bufanda', price: 3000, stocks: 5 },
      { title: 'Taza', price: 1000, stocks: 2 },
    ]);
    const user = await createTestUser(db);
    const token = generateCartToken();

    // Earlier session on another device: the user's cart already has 3 chompas, 60 gorros.
    const userElsewhere = callerFor(db, user);
    await userElsewhere.cart.add({ variantId: a.variants.Chompa!, qty: 3 });
    await userElsewhere.cart.add({ variantId: a.variants.Gorro!, qty: 60 });

    // As a guest in this browser: 2 chompas, 50 gorros, 1 bufanda, 2 tazas.
    const asGuest = callerFor(db, null, token);
    await asGuest.cart.add({ variantId: a.variants.Chompa!, qty: 2 });
    await asGuest.cart.add({ variantId: a.variants.Gorro!, qty: 50 });
    await asGuest.cart.add({ variantId: a.variants.Bufanda!, qty: 1 });
    await asGuest.cart.add({ variantId: a.variants.Taza!, qty: 2 });
    // The tazas sell out before sign-in.
    await db.update(productVariants).set({ reserved: 2 }).where(eq(productVariants.id, a.variants.Taza!));

    const signedIn = callerFor(db, user, token);
    // Two first calls at once (header badge + cart page): one merge.
    const [c1, c2] = await Promise.all([signedIn.cart.count(), signedIn.cart.count()]);
    expect([c1, c2]).toEqual([4 + 99 + 1 + 1, 4 + 99 + 1 + 1]);
    const view = await signedIn.cart.get();
    expect(view.groups[0]!.lines.map((l) => [l.title, l.qty, l.problem])).toEqual([
      ['Chompa', 4, null], // 3 + 2 capped by the 4 available
      ['Gorro', 99, null], // 60 + 50 capped at 99
      ['Bufanda', 1, null],
      ['Taza', 1, 'out_of_stock'], // kept so the buyer sees it sold out
    ]);

    // Idempotent: later calls with the same (now empty) guest token change nothing.
    await signedIn.cart.get();
    expect(await signedIn.cart.count()).toBe(105);
    const [{ n: guestCarts }] = (await db.execute(sql`SELECT count(*)::int AS n FROM carts WHERE token = ${token}`)) as unknown as [{ n: number }];
    expect(guestCarts).toBe(0);

    // After sign-out the browser's guest token does not open the user's cart.
    expect((await callerFor(db, null, token).cart.get()).count).toBe(0);
    // And the user's cart is theirs alone.
    const other = await createTestUser(db);
    expect(await callerFor(db, other, generateCartToken()).cart.count()).toBe(0);
    const err = await rejectionOf(callerFor(db, other).cart.setQty({ variantId: a.variants.Chompa!, qty: 1 }));
    expect(err.code).toBe('NOT_FOUND');
    expect(await callerFor(db, user).cart.count()).toBe(105);
  });

  it('merges on a mutation too, and the guest items land in a cart keyed by user id', async () => {
    const a = await storeWithProducts([
      { title: 'Chompa', price: 18900, stocks: 4 },
      { title: 'Gorro', price: 4500, stocks: 4 },
    ]);
    const user = await createTestUser(db);
    const token = generateCartToken();
    await callerFor(db, null, token).cart.add({ variantId: a.variants.Chompa!, qty: 1 });
    const res = await callerFor(db, user, token).cart.add({ variantId: a.variants.Gorro!, qty: 2 });
    expect(res.count).toBe(3);
    const [row] = await db.select().from(carts).where(eq(carts.userId, user.id));
    expect(row!.token).not.toBe(token);
    const lines = await db.select({ variantId: cartItems.variantId, qty: cartItems.qty }).from(cartItems).where(eq(cartItems.cartId, row!.id));
    expect(lines.sort((x, y) => x.qty - y.qty)).toEqual([
      { variantId: a.variants.Chompa!, qty: 1 },
      { variantId: a.variants.Gorro!, qty: 2 },
    ]);
  });
});
