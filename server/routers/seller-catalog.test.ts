import { eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { productVariants, products, users } from '../db/schema';
import { zodFieldErrors } from '../trpc/init';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

async function sellerWithStore(opts: { plan?: 'free' | 'pro' } = {}) {
  const user = await createTestUser(db);
  if (opts.plan) await db.update(users).set({ planCode: opts.plan }).where(eq(users.id, user.id));
  const api = callerFor(db, user);
  const store = await api.store.create({ name: 'Tejidos Quispe', slug: uniqueSlug('tejidos'), currency: 'PEN' });
  return { user, api, store };
}

const simpleProduct = (storeId: string, title = 'Chompa de alpaca') => ({
  storeId,
  title,
  price: 18900,
  currency: 'PEN' as const,
  variants: [{ options: {}, stock: 5 }],
});

describe('stores', () => {
  it('opens a store owned by the caller and lists it', async () => {
    const { api, store } = await sellerWithStore();
    expect(store.brandColor).toBe('#7c3aed');
    const mine = await api.store.mine();
    expect(mine.map((s) => [s.id, s.role])).toEqual([[store.id, 'owner']]);
  });

  it('answers CONFLICT with a free suggestion when the slug is taken', async () => {
    const { store } = await sellerWithStore();
    const other = callerFor(db, await createTestUser(db));
    const err = await rejectionOf(other.store.create({ name: 'Otra', slug: store.slug, currency: 'USD' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.cause?.data?.suggestion).toBe(`${store.slug}-2`);
    expect(err.cause?.fields?.slug).toMatch(/en uso/);
    const suggestion = await other.store.suggestSlug({ name: store.slug });
    expect(suggestion).toEqual({ slug: `${store.slug}-2`, available: false });
  });

  it('rejects bad input with field messages and stores nothing', async () => {
    const user = await createTestUser(db);
    const api = callerFor(db, user);
    const err = await rejectionOf(
      api.store.create({ name: 'x', slug: 'Mala Slug!', currency: 'XXX' as 'USD', brandColor: 'red', whatsapp: '123' }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const fields = zodFieldErrors(err.cause as unknown as ZodError);
    expect(Object.keys(fields).sort()).toEqual(['brandColor', 'currency', 'name', 'slug', 'whatsapp']);
    expect(await api.store.mine()).toEqual([]);
  });

  it('enforces the Free plan: one store', async () => {
    const { api } = await sellerWithStore();
    const err = await rejectionOf(api.store.create({ name: 'Segunda', slug: uniqueSlug('segunda'), currency: 'PEN' }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.cause?.code).toBe('LIMIT_EXCEEDED');
    expect(err.cause?.data).toMatchObject({ resource: 'stores', limit: 1, usage: 1, plan: 'free' });
    expect(err.message).toBe('Tu plan Gratis permite 1 tienda. Mejora a Pro para tener más.');
    const usage = await api.plan.usage();
    expect(usage.usage.stores).toBe(1);
  });

  it('lets Pro open up to 5 stores', async () => {
    const { api } = await sellerWithStore({ plan: 'pro' });
    for (let i = 0; i < 4; i++) await api.store.create({ name: `Tienda ${i}`, slug: uniqueSlug('pro'), currency: 'USD' });
    const err = await rejectionOf(api.store.create({ name: 'Sexta', slug: uniqueSlug('sexta'), currency: 'USD' }));
    expect(err.cause?.code).toBe('LIMIT_EXCEEDED');
  });

  it('normalises WhatsApp numbers and edits the store', async () => {
    const { api, store } = await sellerWithStore();
    const updated = await api.store.update({ storeId: store.id, whatsapp: '+51 987 654 321', brandColor: '#0EA5E9' });
    expect(updated.whatsapp).toBe('+51987654321');
    expect(updated.brandColor).toBe('#0ea5e9');
    expect(updated.name).toBe(store.name);
  });
});

describe('products', () => {
  it('creates a product with size × colour variants and keeps price/stock rollups', async () => {
    const { api, store } = await sellerWithStore();
    const created = await api.product.create({
      storeId: store.id,
      title: 'Polo Pima',
      description: 'Algodón pima peruano.',
      price: 5900,
      compareAtPrice: 7900,
      currency: 'PEN',
      options: [
        { name: 'Talla', values: ['S', 'M'] },
        { name: 'Color', values: ['Rojo', 'Negro'] },
      ],
      variants: [
        { options: { Talla: 'S', Color: 'Rojo' }, stock: 2 },
        { options: { Talla: 'S', Color: 'Negro' }, stock: 0 },
        { options: { Talla: 'M', Color: 'Rojo' }, stock: 3, price: 5500 },
        { options: { Talla: 'M', Color: 'Negro' }, stock: 1 },
      ],
    });
    expect(created.slug).toBe('polo-pima');
    const full = await api.product.get({ storeId: store.id, productId: created.id });
    expect(full.variants).toHaveLength(4);
    expect(full.priceMin).toBe(5500);
    expect(full.stockTotal).toBe(6);
    // same title again → a different slug within the store
    const again = await api.product.create({ ...simpleProduct(store.id, 'Polo Pima') });
    expect(again.slug).toBe('polo-pima-2');
  });

  it('rejects variants that do not match the options, and compare-at not above price', async () => {
    const { api, store } = await sellerWithStore();
    const err = await rejectionOf(
      api.product.create({
        storeId: store.id,
        title: 'Gorro',
        price: 3000,
        compareAtPrice: 2000,
        currency: 'PEN',
        options: [{ name: 'Color', values: ['Gris'] }],
        variants: [{ options: { Color: 'Azul' }, stock: 1 }],
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const fields = zodFieldErrors(err.cause as unknown as ZodError);
    expect(fields).toMatchObject({ compareAtPrice: expect.any(String), 'variants.0.options': expect.any(String) });
    const list = await api.product.list({ storeId: store.id, status: 'all' });
    expect(list.total).toBe(0);
  });

  it('updates variants in place, keeping ids of the ones kept', async () => {
    const { api, store } = await sellerWithStore();
    const p = await api.product.create({
      ...simpleProduct(store.id),
      options: [{ name: 'Talla', values: ['S', 'M'] }],
      variants: [
        { options: { Talla: 'S' }, stock: 1 },
        { options: { Talla: 'M' }, stock: 1 },
      ],
    });
    const before = await api.product.get({ storeId: store.id, productId: p.id });
    const keep = before.variants.find((v) => v.options.Talla === 'M')!;
    await api.product.update({
      storeId: store.id,
      productId: p.id,
      title: 'Chompa de alpaca bebé',
      price: 15000,
      currency: 'PEN',
      options: [{ name: 'Talla', values: ['M', 'L'] }],
      variants: [
        { id: keep.id, options: { Talla: 'M' }, stock: 9 },
        { options: { Talla: 'L' }, stock: 4 },
      ],
    });
    const after = await api.product.get({ storeId: store.id, productId: p.id });
    expect(after.slug).toBe('chompa-de-alpaca-bebe');
    expect(after.variants.map((v) => [v.options.Talla, v.stock])).toEqual([
      ['M', 9],
      ['L', 4],
    ]);
    expect(after.variants[0]!.id).toBe(keep.id);
    expect(after.stockTotal).toBe(13);
    expect(after.priceMin).toBe(15000);
  });

  it('enforces 20 active products on Free; archive frees a slot; restore over the limit is refused', async () => {
    const { api, store } = await sellerWithStore();
    for (let i = 0; i < 20; i++) await api.product.create(simpleProduct(store.id, `Producto ${i}`));
    const err = await rejectionOf(api.product.create(simpleProduct(store.id, 'Producto 21')));
    expect(err.cause?.code).toBe('LIMIT_EXCEEDED');
    expect(err.cause?.data).toMatchObject({ resource: 'activeProducts', limit: 20, usage: 20 });

    const first = (await api.product.list({ storeId: store.id, sort: 'title', dir: 'asc', pageSize: 5 })).items[0]!;
    await api.product.archive({ storeId: store.id, productId: first.id });
    const extra = await api.product.create(simpleProduct(store.id, 'Producto 21'));
    expect(extra.status).toBe('active');
    const restore = await rejectionOf(api.product.restore({ storeId: store.id, productId: first.id }));
    expect(restore.cause?.code).toBe('LIMIT_EXCEEDED');
    const usage = await api.plan.usage();
    expect(usage.usage.activeProducts).toBe(20);
    expect(usage.plan.limits.activeProducts).toBe(20);
  });

  it('holds the limit under concurrent creates', async () => {
    const { api, store } = await sellerWithStore();
    for (let i = 0; i < 18; i++) await api.product.create(simpleProduct(store.id, `P${i}`));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => api.product.create(simpleProduct(store.id, `Concurrente ${i}`))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(sql`${products.storeId} = ${store.id} and ${products.status} = 'active'`);
    expect(row!.n).toBe(20);
  });

  it('lists with search, sort and pagination, and edits stock inline', async () => {
    const { api, store } = await sellerWithStore();
    for (const [t, stock] of [['Bufanda roja', 3], ['Bufanda azul', 0], ['Poncho', 7]] as const) {
      await api.product.create({ ...simpleProduct(store.id, t), variants: [{ options: {}, stock }] });
    }
    const found = await api.product.list({ storeId: store.id, q: 'bufanda', sort: 'stock', dir: 'asc' });
    expect(found.items.map((i) => i.title)).toEqual(['Bufanda azul', 'Bufanda roja']);
    expect(found.total).toBe(2);
    const page2 = await api.product.list({ storeId: store.id, sort: 'title', dir: 'asc', pageSize: 5, page: 1 });
    expect(page2.items.map((i) => i.title)).toEqual(['Bufanda azul', 'Bufanda roja', 'Poncho']);

    const variantId = found.items[0]!.variants[0]!.id;
    const set = await api.product.setStock({ storeId: store.id, variantId, stock: 12 });
    expect(set.stock).toBe(12);
    const counts = await api.store.counts({ storeId: store.id });
    expect(counts).toMatchObject({ active: 3, outOfStock: 0, units: 22 });

    await db.update(productVariants).set({ reserved: 5 }).where(eq(productVariants.id, variantId));
    const err = await rejectionOf(api.product.setStock({ storeId: store.id, variantId, stock: 4 }));
    expect(err.code).toBe('CONFLICT');
    const [v] = await db.select().from(productVariants).where(eq(productVariants.id, variantId));
    expect(v!.stock).toBe(12);
    const neg = await rejectionOf(api.product.setStock({ storeId: store.id, variantId, stock: -1 }));
    expect(neg.code).toBe('BAD_REQUEST');
  });
});

describe('tenant isolation', () => {
  it('a second seller can neither read nor change the first seller’s store or products', async () => {
    const a = await sellerWithStore();
    const product = await a.api.product.create(simpleProduct(a.store.id));
    const variantId = (await a.api.product.get({ storeId: a.store.id, productId: product.id })).variants[0]!.id;
    const b = await sellerWithStore();

    const attempts: (() => Promise<unknown>)[] = [
      () => b.api.store.get({ storeId: a.store.id }),
      () => b.api.store.counts({ storeId: a.store.id }),
      () => b.api.store.update({ storeId: a.store.id, name: 'Robada' }),
      () => b.api.product.list({ storeId: a.store.id }),
      () => b.api.product.get({ storeId: a.store.id, productId: product.id }),
      () => b.api.product.create(simpleProduct(a.store.id)),
      () => b.api.product.update({ ...simpleProduct(a.store.id), productId: product.id }),
      () => b.api.product.archive({ storeId: a.store.id, productId: product.id }),
      () => b.api.product.restore({ storeId: a.store.id, productId: product.id }),
      () => b.api.product.setStock({ storeId: a.store.id, variantId, stock: 0 }),
      // own store id, someone else's object ids
      () => b.api.product.get({ storeId: b.store.id, productId: product.id }),
      () => b.api.product.update({ ...simpleProduct(b.store.id), productId: product.id }),
      () => b.api.product.archive({ storeId: b.store.id, productId: product.id }),
      () => b.api.product.setStock({ storeId: b.store.id, variantId, stock: 0 }),
    ];
    for (const attempt of attempts) {
      const err = await rejectionOf(attempt());
      expect(err.code).toBe('NOT_FOUND');
      expect(JSON.stringify(err.message)).not.toContain(product.title);
    }
    const still = await a.api.product.get({ storeId: a.store.id, productId: product.id });
    expect(still.status).toBe('active');
    expect(still.variants[0]!.stock).toBe(5);
    expect((await a.api.store.get({ storeId: a.store.id })).name).toBe('Tejidos Quispe');
  });

  it('signed-out callers get UNAUTHORIZED', async () => {
    const anon = callerFor(db, null);
    expect((await rejectionOf(anon.store.mine())).code).toBe('UNAUTHORIZED');
    expect((await rejectionOf(anon.plan.usage())).code).toBe('UNAUTHORIZED');
  });
});
