import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET, POST } from '../../app/api/trpc/[trpc]/route';
import { productVariants } from '../db/schema';
import { generateCartToken, readCartToken } from '../services/cart/cart-token';
import { callerFor } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';
import { cartTokenFor } from './cart-cookie';

const db = testDb();
const BASE = 'http://127.0.0.1:3000/api/trpc';

async function productVariant() {
  const seller = callerFor(db, await createTestUser(db));
  const store = await seller.store.create({ name: 'Tienda', slug: `cookie-${Date.now().toString(36)}`, currency: 'PEN' });
  const p = await seller.product.create({ storeId: store.id, title: 'Chompa', price: 18900, currency: 'PEN', variants: [{ options: {}, stock: 5 }] });
  const [v] = await db.select().from(productVariants).where(eq(productVariants.productId, p.id));
  return v!.id;
}

const trpcData = async (res: Response) => ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;

describe('vita_cart cookie', () => {
  it('reads only tokens we could have issued and issues a fresh one otherwise', () => {
    const token = generateCartToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readCartToken(`a=1; vita_cart=${token}`)).toBe(token);
    expect(readCartToken('vita_cart=short')).toBeNull();
    expect(cartTokenFor(new Headers({ cookie: `vita_cart=${token}` }))).toEqual({ token, setCookie: null });
    const fresh = cartTokenFor(new Headers({ cookie: 'vita_cart=../../etc' }));
    expect(fresh.token).not.toBe(token);
    expect(fresh.setCookie).toBe(`vita_cart=${fresh.token}; Path=/; Max-Age=7776000; HttpOnly; SameSite=Lax`);
  });

  it('is set by the tRPC route on the first request and keys the guest cart over HTTP', async () => {
    const variantId = await productVariant();
    const add = await POST(
      new Request(`${BASE}/cart.add`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ json: { variantId, qty: 2 } }),
      }),
    );
    expect(add.status).toBe(200);
    const setCookie = add.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^vita_cart=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=7776000; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0]!;

    const mine = await GET(new Request(`${BASE}/cart.count`, { headers: { cookie } }));
    expect(mine.headers.get('set-cookie')).toBeNull();
    expect(await trpcData(mine)).toBe(2);

    const someoneElse = await GET(new Request(`${BASE}/cart.count`, { headers: { cookie: `vita_cart=${generateCartToken()}` } }));
    expect(await trpcData(someoneElse)).toBe(0);
  });
});
