import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { categories, productImages, productVariants, products, type Product, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { isUniqueViolation } from '../../db/errors';
import { assertReadyMedia } from '../media/assert-ready-media';
import { assertWithinPlanLimit, lockOwner } from '../plans/get-plan-usage';
import { uniqueProductSlug } from './product-slug';
import {
  ZCreateProductInput,
  ZUpdateProductInput,
  type TCreateProductInput,
  type TUpdateProductInput,
} from './schemas';
import { storeOwnerId } from '../stores/store-owner';
import { assertWritable } from '../billing/read-only';

type Parsed = ReturnType<typeof ZCreateProductInput.parse>;

/** The product's own columns, the same for create and update. */
function productColumns(data: Parsed) {
  const { title, description, categoryId, price, compareAtPrice, currency, options } = data;
  return { title, description, categoryId, price, compareAtPrice, currency, options };
}

async function assertCategory(db: DbOrTx, categoryId: string | null) {
  if (!categoryId) return;
  const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!c) throw new AppError('BAD_REQUEST', { key: 'product.invalidCategory', fields: { categoryId: 'product.invalidCategory' } });
}

async function replaceImages(tx: DbOrTx, productId: string, mediaIds: string[]) {
  await tx.delete(productImages).where(eq(productImages.productId, productId));
  if (mediaIds.length) {
    await tx.insert(productImages).values(mediaIds.map((mediaId, position) => ({ productId, mediaId, position })));
  }
}

/**
 * Variants are matched by id (kept, so stock history and later order lines keep pointing at them);
 * new ones are inserted; ones no longer listed are removed.
 */
async function syncVariants(tx: DbOrTx, productId: string, variants: Parsed['variants']) {
  const keepIds = variants.map((v) => v.id).filter((id): id is string => Boolean(id));
  if (keepIds.length) {
    const owned = await tx
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.productId, productId), inArray(productVariants.id, keepIds)));
    if (owned.length !== new Set(keepIds).size) {
      throw new AppError('BAD_REQUEST', { key: 'product.unknownVariant', fields: { variants: 'product.unknownVariant' } });
    }
  }
  await tx
    .delete(productVariants)
    .where(and(eq(productVariants.productId, productId), keepIds.length ? notInArray(productVariants.id, keepIds) : undefined));
  for (const [position, v] of variants.entries()) {
    const values = { options: v.options, sku: v.sku, price: v.price, stock: v.stock, position };
    if (v.id) {
      await tx.update(productVariants).set(values).where(eq(productVariants.id, v.id));
    } else {
      await tx.insert(productVariants).values({ productId, ...values });
    }
  }
}

function variantStockError(err: unknown): AppError | null {
  const e = (err as { cause?: { constraint_name?: string } })?.cause ?? (err as { constraint_name?: string });
  if (e?.constraint_name === 'product_variants_reserved_range') {
    return new AppError('CONFLICT', {
      key: 'product.stockBelowReserved',
      fields: { variants: 'product.stockBelowReservedField' },
    });
  }
  return null;
}

export async function createProduct({
  db,
  store,
  userId,
  input,
}: {
  db: Db;
  store: Store;
  userId: string;
  input: TCreateProductInput;
}): Promise<Product> {
  const data = ZCreateProductInput.parse(input);
  assertWritable('store', store);
  return db.transaction(async (tx) => {
    const ownerId = await storeOwnerId(tx, store.id);
    await lockOwner({ db: tx, ownerId });
    await assertWithinPlanLimit({ db: tx, ownerId, resource: 'activeProducts' });
    await assertCategory(tx, data.categoryId);
    if (data.imageMediaIds.length) {
      await assertReadyMedia({ db: tx, mediaIds: data.imageMediaIds, storeId: store.id, userId, field: 'imageMediaIds' });
    }
    const slug = await uniqueProductSlug({ db: tx, storeId: store.id, title: data.title });
    const [product] = await tx
      .insert(products)
      .values({
        storeId: store.id,
        slug,
        ...productColumns(data),
      })
      .returning();
    if (!product) throw new Error('insert returned no product');
    await syncVariants(tx, product.id, data.variants);
    await replaceImages(tx, product.id, data.imageMediaIds);
    return product;
  });
}

export async function updateProduct({
  db,
  store,
  userId,
  input,
}: {
  db: Db;
  store: Store;
  userId: string;
  input: TUpdateProductInput;
}): Promise<Product> {
  const data = ZUpdateProductInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(products)
        .where(and(eq(products.id, data.productId), eq(products.storeId, store.id)))
        .for('update');
      if (!current) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
      assertWritable('product', current);
      await assertCategory(tx, data.categoryId);
      if (data.imageMediaIds.length) {
        await assertReadyMedia({ db: tx, mediaIds: data.imageMediaIds, storeId: store.id, userId, field: 'imageMediaIds' });
      }
      const slug =
        current.title === data.title
          ? current.slug
          : await uniqueProductSlug({ db: tx, storeId: store.id, title: data.title, exceptProductId: current.id });
      const [product] = await tx
        .update(products)
        .set({
          slug,
          ...productColumns(data),
          updatedAt: sql`now()`,
        })
        .where(eq(products.id, current.id))
        .returning();
      await syncVariants(tx, current.id, data.variants);
      await replaceImages(tx, current.id, data.imageMediaIds);
      return product!;
    });
  } catch (err) {
    throw variantStockError(err) ?? (isUniqueViolation(err) ? new AppError('CONFLICT', { key: 'generic.saveConflict' }) : err);
  }
}
