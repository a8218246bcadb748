import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { categories, media, productImages, products, productVariants, stores } from '../../db/schema';
import { createTestUser, testDb } from '../../testing/db';
import { getLiveOffers } from './get-live-offers';
import { getMarketplaceHome } from './get-marketplace-home';
import { getProductPage } from './get-product-page';
import { getStorePage } from './get-store-page';
import { listCategories } from './list-categories';
import { searchInputFromParams, searchHref } from './schemas';
import { searchProducts } from './search-products';

const mediaUrl = (key: string) => `/media/${key}`;
const uid = () => crypto.randomBytes(4).toString('hex');

let db: Db;
let ownerId: string;

beforeAll(async () => {
  db = testDb();
  ownerId = (await createTestUser(db)).id;
});

async function makeStore(opts: { status?: 'active' | 'suspended'; currency?: string; name?: string } = {}) {
  const slug = `t-${uid()}`;
  const [store] = await db
    .insert(stores)
    .values({ slug, name: opts.name ?? `Tienda ${slug}`, currency: opts.currency ?? 'PEN', status: opts.status ?? 'active', brandColor: '#0e9f9a' })
    .returning();
  return store!;
}

async function makeCategory(name = 'Calzado') {
  const [c] = await db.insert(categories).values({ slug: `cat-${uid()}`, nameEs: name, nameEn: name }).returning();
  return c!;
}

type VariantSpec = { options?: Record<string, string>; price?: number | null; stock?: number; reserved?: number };

async function makeProduct(
  store: { id: string; currency: string },
  p: {
    title: string;
    description?: string;
    price?: number;
    compareAt?: number | null;
    categoryId?: string | null;
    status?: 'active' | 'archived';
    createdAt?: Date;
    sales?: number;
    variants?: VariantSpec[];
    images?: number;
  },
) {
  const [product] = await db
    .insert(products)
    .values({
      storeId: store.id,
      slug: `p-${uid()}`,
      title: p.title,
      description: p.description ?? '',
      price: p.price ?? 1000,
      compareAtPrice: p.compareAt ?? null,
      currency: store.currency,
      categoryId: p.categoryId ?? null,
      status: p.status ?? 'active',
      salesCount: p.sales ?? 0,
      createdAt: p.createdAt ?? new Date(),
    })
    .returning();
  const variants = p.variants ?? [{ stock: 5 }];
  await db.insert(productVariants).values(
    variants.map((v, i) => ({
      productId: product!.id,
      options: v.options ?? {},
      price: v.price ?? null,
      stock: v.stock ?? 5,
      reserved: v.reserved ?? 0,
      position: i,
    })),
  );
  for (let i = 0; i < (p.images ?? 0); i++) {
    const [m] = await db
      .insert(media)
      .values({ ownerUserId: ownerId, storeId: store.id, key: `test/${product!.id}/${i}.webp`, mime: 'image/webp', bytes: 10, width: 800, height: 800, status: 'ready' })
      .returning();
    // Inserted in reverse position order so the test proves ordering by position, not by insertion.
    await db.insert(productImages).values({ productId: product!.id, mediaId: m!.id, position: (p.images ?? 0) - 1 - i, alt: `foto ${i}` });
  }
  return product!;
}

const titles = (r: { items: Array<{ title: string }> }) => r.items.map((i) => i.title);

describe('searchProducts', () => {
  it('ranks title matches above description matches, then newer, then better-selling', async () => {
    const store = await makeStore();
    const day = 86_400_000;
    const now = Date.now();
    await makeProduct(store, { title: 'Bolso de cuero', description: 'Hecho con alpaca y cuero', createdAt: new Date(now) });
    await makeProduct(store, { title: 'Chompa de alpaca vieja', createdAt: new Date(now - 10 * day), sales: 999 });
    await makeProduct(store, { title: 'Chompa de alpaca nueva', createdAt: new Date(now - day), sales: 1 });
    await makeProduct(store, { title: 'Chompa de alpaca nueva bis', createdAt: new Date(now - day), sales: 50 });
    const r = await searchProducts({ db, input: { q: 'alpaca', store: store.slug }, mediaUrl });
    expect(r.total).toBe(4);
    // The three title matches come first; among equal relevance newer first, then more sales.
    expect(titles(r).at(-1)).toBe('Bolso de cuero');
    const titleHits = titles(r).slice(0, 3);
    expect(titleHits.indexOf('Chompa de alpaca vieja')).toBe(2);
  });

  it('tolerates typos and partial words through the vocabulary (trigram similarity and prefixes)', async () => {
    const store = await makeStore();
    await makeProduct(store, { title: 'Zapatillas urbanas de lona' });
    await makeProduct(store, { title: 'Gorra de gabardina' });
    const typo = await searchProducts({ db, input: { q: 'zapatilas', store: store.slug }, mediaUrl });
    expect(titles(typo)).toEqual(['Zapatillas urbanas de lona']);
    expect(typo.correctedQuery).toBe('zapatillas');
    expect(titles(await searchProducts({ db, input: { q: 'zapat', store: store.slug }, mediaUrl }))).toEqual(['Zapatillas urbanas de lona']);
  });

  it('learns the words of renamed products for typo correction', async () => {
    const store = await makeStore();
    const p = await makeProduct(store, { title: 'Sombrero de paja' });
    await db.update(products).set({ title: 'Sombrero vueltiao costeño' }).where(eq(products.id, p.id));
    const r = await searchProducts({ db, input: { q: 'vueltiau', store: store.slug }, mediaUrl });
    expect(titles(r)).toEqual(['Sombrero vueltiao costeño']);
    expect(r.correctedQuery).toBe('vueltiao');
  });

  it('ignores accents and ñ in both directions', async () => {
    const store = await makeStore();
    await makeProduct(store, { title: 'Café de especialidad', description: 'Tecnología de tueste lento' });
    await makeProduct(store, { title: 'Gorro para nino' });
    expect(titles(await searchProducts({ db, input: { q: 'cafe', store: store.slug }, mediaUrl }))).toEqual(['Café de especialidad']);
    expect(titles(await searchProducts({ db, input: { q: 'tecnologia', store: store.slug }, mediaUrl }))).toEqual(['Café de especialidad']);
    expect(titles(await searchProducts({ db, input: { q: 'niño', store: store.slug }, mediaUrl }))).toEqual(['Gorro para nino']);
  });

  it('supports web-search syntax and falls back to any word when all words do not match', async () => {
    const store = await makeStore();
    await makeProduct(store, { title: 'Taza de cerámica roja' });
    await makeProduct(store, { title: 'Taza de barro negro' });
    expect(titles(await searchProducts({ db, input: { q: 'taza -barro', store: store.slug }, mediaUrl }))).toEqual(['Taza de cerámica roja']);
    const relaxed = await searchProducts({ db, input: { q: 'taza plateada brillante', store: store.slug }, mediaUrl });
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.total).toBe(2);
  });

  it('finds products by their category or store name', async () => {
    const cat = await makeCategory('Mascotas exóticas');
    const store = await makeStore({ name: 'Huellitas Zurich' });
    await makeProduct(store, { title: 'Cama redonda', categoryId: cat.id });
    await makeProduct(store, { title: 'Collar de cuero' });
    expect(titles(await searchProducts({ db, input: { q: 'exoticas', store: store.slug }, mediaUrl }))).toEqual(['Cama redonda']);
    expect((await searchProducts({ db, input: { q: 'huellitas zurich' }, mediaUrl })).total).toBe(2);
  });

  it('filters by category, store, currency, price range in major units, and stock', async () => {
    const shoes = await makeCategory();
    const pen = await makeStore({ currency: 'PEN' });
    const cop = await makeStore({ currency: 'COP' });
    const token = `filtro${uid()}`;
    await makeProduct(pen, { title: `Sandalia ${token}`, price: 8990, categoryId: shoes.id }); // S/ 89.90
    await makeProduct(pen, { title: `Bota ${token}`, price: 25000, categoryId: shoes.id, variants: [{ stock: 0 }] }); // S/ 250
    await makeProduct(cop, { title: `Alpargata ${token}`, price: 95000, categoryId: shoes.id }); // $95.000 COP (0 digits)
    await makeProduct(cop, { title: `Sombrero ${token}`, price: 40000 });

    const base = { q: token };
    expect((await searchProducts({ db, input: { ...base, category: shoes.slug }, mediaUrl })).total).toBe(3);
    expect((await searchProducts({ db, input: { ...base, store: cop.slug }, mediaUrl })).total).toBe(2);
    expect(titles(await searchProducts({ db, input: { ...base, inStock: true, store: pen.slug }, mediaUrl }))).toEqual([`Sandalia ${token}`]);
    // "up to 100" means S/ 100 for PEN products and $100 COP for COP products.
    expect(titles(await searchProducts({ db, input: { ...base, maxPrice: 100 }, mediaUrl }))).toEqual([`Sandalia ${token}`]);
    const cheapCop = await searchProducts({ db, input: { ...base, currency: 'COP', minPrice: 50000, maxPrice: 100000 }, mediaUrl });
    expect(titles(cheapCop)).toEqual([`Alpargata ${token}`]);
    expect(cheapCop.items[0]!.currency).toBe('COP');
    // Category filter with no query lists by recency.
    const listing = await searchProducts({ db, input: { category: shoes.slug }, mediaUrl });
    expect(titles(listing)).toEqual([`Alpargata ${token}`, `Bota ${token}`, `Sandalia ${token}`]);
  });

  it('paginates with a total, and reports the total past the last page', async () => {
    const store = await makeStore();
    const now = Date.now();
    for (let i = 0; i < 7; i++) await makeProduct(store, { title: `Pulsera ${i}`, createdAt: new Date(now - i * 60_000) });
    const p1 = await searchProducts({ db, input: { store: store.slug, pageSize: 3 }, mediaUrl });
    const p3 = await searchProducts({ db, input: { store: store.slug, pageSize: 3, page: 3 }, mediaUrl });
    const p9 = await searchProducts({ db, input: { store: store.slug, pageSize: 3, page: 9 }, mediaUrl });
    expect(titles(p1)).toEqual(['Pulsera 0', 'Pulsera 1', 'Pulsera 2']);
    expect([p1.total, p1.pageCount]).toEqual([7, 3]);
    expect(titles(p3)).toEqual(['Pulsera 6']);
    expect([p9.items.length, p9.total]).toEqual([0, 7]);
  });

  it('never shows archived products or products of suspended stores', async () => {
    const token = `oculto${uid()}`;
    const active = await makeStore();
    const suspended = await makeStore({ status: 'suspended' });
    await makeProduct(active, { title: `Anillo ${token}` });
    await makeProduct(active, { title: `Anillo archivado ${token}`, status: 'archived' });
    await makeProduct(suspended, { title: `Anillo suspendido ${token}` });
    expect(titles(await searchProducts({ db, input: { q: token }, mediaUrl }))).toEqual([`Anillo ${token}`]);
    expect((await searchProducts({ db, input: { store: suspended.slug }, mediaUrl })).total).toBe(0);
  });

  it('returns cards with store, first image by position, price and stock', async () => {
    const store = await makeStore({ currency: 'USD' });
    const p = await makeProduct(store, {
      title: 'Gafas polarizadas',
      price: 3500,
      compareAt: 4500,
      images: 3,
      variants: [{ price: 3200, stock: 0 }, { stock: 4, reserved: 4 }],
    });
    const [card] = (await searchProducts({ db, input: { store: store.slug }, mediaUrl })).items;
    expect(card).toMatchObject({ id: p.id, storeSlug: store.slug, currency: 'USD', priceMin: 3200, compareAtPrice: 4500, inStock: false });
    expect(card!.image?.url).toBe(`/media/test/${p.id}/2.webp`);
  });
});

describe('store, product and home pages', () => {
  it('store page lists only active products; suspended or unknown stores are null', async () => {
    const store = await makeStore();
    await makeProduct(store, { title: 'Visible' });
    await makeProduct(store, { title: 'Archivado', status: 'archived' });
    const page = await getStorePage({ db, input: { store: store.slug }, mediaUrl });
    expect(page?.products.map((p) => p.title)).toEqual(['Visible']);
    expect(page?.store).toMatchObject({ slug: store.slug, brandColor: '#0e9f9a', productCount: 1 });
    const suspended = await makeStore({ status: 'suspended' });
    expect(await getStorePage({ db, input: { store: suspended.slug }, mediaUrl })).toBeNull();
    expect(await getStorePage({ db, input: { store: 'no-existe-nunca' }, mediaUrl })).toBeNull();
  });

  it('product page has images in position order, effective variant prices and availability', async () => {
    const cat = await makeCategory('Joyería fina');
    const store = await makeStore();
    const p = await makeProduct(store, {
      title: 'Anillo de plata',
      price: 5000,
      compareAt: 6000,
      categoryId: cat.id,
      images: 3,
      variants: [
        { options: { Talla: '12' }, stock: 3, reserved: 1 },
        { options: { Talla: '14' }, price: 5500, stock: 0 },
      ],
    });
    await db.update(products).set({ options: [{ name: 'Talla', values: ['12', '14'] }] }).where(eq(products.id, p.id));
    const page = await getProductPage({ db, input: { store: store.slug, product: p.slug }, mediaUrl });
    expect(page?.product.images.map((i) => i.url)).toEqual([0, 1, 2].map((n) => `/media/test/${p.id}/${2 - n}.webp`));
    expect(page?.product.variants.map((v) => [v.options.Talla, v.price, v.compareAtPrice, v.available])).toEqual([
      ['12', 5000, 6000, 2],
      ['14', 5500, 6000, 0],
    ]);
    expect(page?.product.category).toEqual({ slug: cat.slug, nameEs: 'Joyería fina', nameEn: 'Joyería fina' });
    expect(page?.product.options).toEqual([{ name: 'Talla', values: ['12', '14'] }]);

    await db.update(products).set({ status: 'archived' }).where(eq(products.id, p.id));
    expect(await getProductPage({ db, input: { store: store.slug, product: p.slug }, mediaUrl })).toBeNull();
  });

  it('product page of a suspended store is null', async () => {
    const store = await makeStore({ status: 'suspended' });
    const p = await makeProduct(store, { title: 'Oculto' });
    expect(await getProductPage({ db, input: { store: store.slug, product: p.slug }, mediaUrl })).toBeNull();
  });

  it('home lists featured stores and products but nothing archived or suspended', async () => {
    const store = await makeStore();
    await db.update(stores).set({ featured: 1000 }).where(eq(stores.id, store.id));
    const featured = await makeProduct(store, { title: 'Destacado', images: 1 });
    await db.update(products).set({ featured: 1 }).where(eq(products.id, featured.id));
    const hidden = await makeStore({ status: 'suspended' });
    await db.update(stores).set({ featured: 2000 }).where(eq(stores.id, hidden.id));
    const archived = await makeProduct(store, { title: 'Archivado destacado', status: 'archived' });
    await db.update(products).set({ featured: 1 }).where(eq(products.id, archived.id));

    const home = await getMarketplaceHome({ db, mediaUrl, limit: 50 });
    expect(home.featuredStores.map((s) => s.slug)).toContain(store.slug);
    expect(home.featuredStores.map((s) => s.slug)).not.toContain(hidden.slug);
    expect(home.featuredStores.find((s) => s.slug === store.slug)?.previews).toHaveLength(1);
    expect(home.featuredProducts.map((p) => p.id)).toContain(featured.id);
    expect(home.featuredProducts.map((p) => p.id)).not.toContain(archived.id);
    expect(home.newest.map((p) => p.id)).not.toContain(archived.id);
  });

  it('category counts include only public products', async () => {
    const cat = await makeCategory('Hogar test');
    const store = await makeStore();
    const suspended = await makeStore({ status: 'suspended' });
    await makeProduct(store, { title: 'Cojín', categoryId: cat.id, images: 1 });
    await makeProduct(store, { title: 'Manta', categoryId: cat.id, status: 'archived' });
    await makeProduct(suspended, { title: 'Vela', categoryId: cat.id });
    const found = (await listCategories({ db, mediaUrl })).find((c) => c.slug === cat.slug);
    expect(found?.productCount).toBe(1);
    expect(found?.image?.url).toMatch(/^\/media\/test\//);
  });
});

describe('getLiveOffers', () => {
  it('returns current per-variant price and availability, and omits non-public products', async () => {
    const store = await makeStore({ currency: 'COP' });
    const p = await makeProduct(store, {
      title: 'Café',
      price: 42000,
      variants: [
        { options: { Molienda: 'Grano' }, stock: 10, reserved: 3 },
        { options: { Molienda: 'Fina' }, price: 45000, stock: 0 },
      ],
    });
    const archived = await makeProduct(store, { title: 'Viejo', status: 'archived' });
    const suspendedStore = await makeStore({ status: 'suspended' });
    const hidden = await makeProduct(suspendedStore, { title: 'Oculto' });

    const offers = await getLiveOffers({ db, input: { productIds: [p.id, archived.id, hidden.id, crypto.randomUUID()] } });
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ productId: p.id, currency: 'COP', priceMin: 42000, available: 7 });
    expect(offers[0]!.variants.map((v) => [v.options.Molienda, v.price, v.available])).toEqual([
      ['Grano', 42000, 7],
      ['Fina', 45000, 0],
    ]);

    // A sale elsewhere is visible immediately: nothing is cached.
    await db.update(productVariants).set({ reserved: sql`${productVariants.stock}` }).where(eq(productVariants.productId, p.id));
    const after = await getLiveOffers({ db, input: { productIds: [p.id] } });
    expect(after[0]!.available).toBe(0);
  });

  it('rejects bad input with a validation error', async () => {
    await expect(getLiveOffers({ db, input: { productIds: ['not-a-uuid'] } })).rejects.toThrow();
    await expect(getLiveOffers({ db, input: { productIds: [] } })).rejects.toThrow();
  });
});

describe('search URL params', () => {
  it('maps /buscar params leniently and back', () => {
    const q = searchInputFromParams({ q: ' alpaca ', categoria: 'moda', min: '200', max: '100', stock: '1', pagina: '-3', orden: 'raro', tienda: 'BAD SLUG' });
    expect(q).toMatchObject({ q: 'alpaca', category: 'moda', minPrice: 100, maxPrice: 200, inStock: true, page: 1, sort: 'relevance' });
    expect(q.store).toBeUndefined();
    expect(searchHref({ ...q, page: 2 })).toBe('/buscar?q=alpaca&categoria=moda&min=100&max=200&stock=1&pagina=2');
  });
});

