import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RankingWeights } from '../../db/schema';
import { marketplaceSettings, products, productVariants, stores } from '../../db/schema';
import { testDb } from '../../testing/db';
import { DEFAULT_WEIGHTS } from './ranking';
import { searchMarketplace, searchProducts } from './search-products';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const mediaUrl = (k: string) => `/media/${k}`;
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

/**
 * Three products with the same text (so the same text score) under a word only this test uses:
 *   fresh    — 1 day old, no sales, unverified store
 *   seller   — 100 days old, 900 sales, unverified store
 *   verified — 200 days old, no sales, store with approved identity
 * The weights are passed explicitly, so no other test file's `marketplace_settings` can disturb them.
 */
async function world() {
  const word = `quena${uid()}`;
  const mk = async (kyc: 'unverified' | 'approved') =>
    (await db.insert(stores).values({ slug: `rk-${uid()}`, name: `Tienda ${uid()}`, currency: 'PEN', kycStatus: kyc }).returning())[0]!;
  const [plain, checked] = [await mk('unverified'), await mk('approved')];
  const product = async (name: string, storeId: string, createdAt: Date, salesCount: number) => {
    const [p] = await db
      .insert(products)
      .values({ storeId, slug: `${name}-${uid()}`, title: `Quena andina ${word}`, description: 'Instrumento de caña', price: 4000, currency: 'PEN', status: 'active', createdAt, salesCount })
      .returning();
    await db.insert(productVariants).values({ productId: p!.id, stock: 3 });
    return p!;
  };
  const fresh = await product('fresh', plain.id, daysAgo(1), 0);
  const seller = await product('seller', plain.id, daysAgo(100), 900);
  const verified = await product('verified', checked.id, daysAgo(200), 0);
  const name = new Map([
    [fresh.id, 'fresh'],
    [seller.id, 'seller'],
    [verified.id, 'verified'],
  ]);
  const order = async (weights?: RankingWeights, d = db) =>
    (await searchProducts({ db: d, input: { q: word }, mediaUrl, weights })).items.map((i) => name.get(i.id));
  return { word, fresh, seller, verified, checked, name, order };
}

const only = (w: Partial<RankingWeights>): RankingWeights => ({ relevance: 0, sales: 0, recency: 0, verified: 0, featured: 0, ...w });

describe('marketplace ranking weights', () => {
  it('default weights keep the old order (equal text score → newest first); each weight changes it', async () => {
    const { order } = await world();
    expect(await order()).toEqual(['fresh', 'seller', 'verified']);
    expect(await order(DEFAULT_WEIGHTS)).toEqual(['fresh', 'seller', 'verified']);
    expect(await order({ ...DEFAULT_WEIGHTS, sales: 1 })).toEqual(['seller', 'fresh', 'verified']);
    expect(await order({ ...DEFAULT_WEIGHTS, verified: 1 })).toEqual(['verified', 'fresh', 'seller']);
    // Recency weighs age continuously: the 100-day-old best seller beats the 1-day-old product only while sales
    // weigh more than recency's difference between them.
    expect(await order(only({ sales: 1, recency: 0.5 }))).toEqual(['seller', 'fresh', 'verified']);
    expect(await order(only({ sales: 1, recency: 5 }))).toEqual(['fresh', 'seller', 'verified']);
  });

  it('a featured store gets its weight; a featured product comes first whatever the weights', async () => {
    const { order, verified, seller, checked } = await world();
    await db.update(stores).set({ featured: 3 }).where(eq(stores.id, checked.id));
    expect(await order()).toEqual(['fresh', 'seller', 'verified']);
    expect(await order({ ...DEFAULT_WEIGHTS, featured: 1 })).toEqual(['verified', 'fresh', 'seller']);
    await db.update(products).set({ featured: 1 }).where(eq(products.id, seller.id));
    expect(await order()).toEqual(['seller', 'fresh', 'verified']);
    expect(await order({ ...DEFAULT_WEIGHTS, featured: 1 })).toEqual(['seller', 'verified', 'fresh']);
    await db.update(products).set({ featured: 2 }).where(eq(products.id, verified.id));
    expect(await order({ ...DEFAULT_WEIGHTS, sales: 5 })).toEqual(['verified', 'seller', 'fresh']);
  });

  it('buyers get the weights the admins stored (read in a transaction that is rolled back, so other files never see them)', async () => {
    const { word, name } = await world();
    const rollback = new Error('rollback');
    let seen: unknown[] = [];
    await db
      .transaction(async (tx) => {
        await tx
          .insert(marketplaceSettings)
          .values({ id: 1, weights: { ...DEFAULT_WEIGHTS, sales: 2 } })
          .onConflictDoUpdate({ target: marketplaceSettings.id, set: { weights: sql`excluded.weights` } });
        seen = (await searchMarketplace({ db: tx, input: { q: word }, mediaUrl })).items.map((i) => name.get(i.id));
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    expect(seen).toEqual(['seller', 'fresh', 'verified']);
  });
});
