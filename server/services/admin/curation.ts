import { desc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { marketplaceSettings, products, stores, type RankingWeights } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { readRankingWeights } from '../catalog/ranking';
import { ZRankingWeights, ZSetFeaturedInput } from './schemas';

/** The stored weights, as search applies them (server/services/catalog/ranking.ts). */
export async function getRankingWeights({ db }: { db: Db }): Promise<RankingWeights> {
  return readRankingWeights(db);
}

export async function setRankingWeights({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZRankingWeights> }) {
  const weights = ZRankingWeights.parse(input);
  return db.transaction(async (tx) => {
    const before = await getRankingWeights({ db: tx as unknown as Db });
    await tx
      .insert(marketplaceSettings)
      .values({ id: 1, weights, updatedBy: adminId })
      .onConflictDoUpdate({ target: marketplaceSettings.id, set: { weights, updatedBy: adminId, updatedAt: sql`now()` } });
    await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.ranking_weights', subject: 'marketplace:ranking', data: { before, after: weights } });
    return weights;
  });
}

/** What is featured now (stores and products with featured > 0), highest first. */
export async function listFeatured({ db }: { db: Db }) {
  const [featuredStores, featuredProducts] = await Promise.all([
    db.select({ id: stores.id, name: stores.name, slug: stores.slug, featured: stores.featured, status: stores.status }).from(stores).where(gt(stores.featured, 0)).orderBy(desc(stores.featured)).limit(100),
    db
      .select({ id: products.id, title: products.title, slug: products.slug, featured: products.featured, storeName: stores.name, storeSlug: stores.slug })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(gt(products.featured, 0))
      .orderBy(desc(products.featured))
      .limit(100),
  ]);
  return { stores: featuredStores, products: featuredProducts };
}

/** Features (or un-features, with 0) a store or a product on the marketplace front page. Audited. */
export async function setFeatured({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZSetFeaturedInput> }) {
  const data = ZSetFeaturedInput.parse(input);
  return db.transaction(async (tx) => {
    const table = data.kind === 'store' ? stores : products;
    const [row] = await tx.update(table).set({ featured: data.featured }).where(eq(table.id, data.id)).returning({ id: table.id, slug: table.slug });
    if (!row) throw new AppError('NOT_FOUND', { key: data.kind === 'store' ? 'notFound.store' : 'notFound.product' });
    await appendAudit(tx, { actor: `admin:${adminId}`, action: 'admin.featured', subject: `${data.kind}:${data.id}`, data: { featured: data.featured } });
    return { ...row, kind: data.kind, featured: data.featured };
  });
}
