import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { productVariants, products, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { ZSetVariantStockInput } from './schemas';
import { assertWritable } from '../billing/read-only';

/** Inline stock edit from the dashboard table. The variant must belong to a product of this store. */
export async function setVariantStock({
  db,
  store,
  input,
}: {
  db: Db;
  store: Store;
  input: { variantId: string; stock: number };
}): Promise<{ variantId: string; stock: number; productId: string; productSlug: string }> {
  const { variantId, stock } = ZSetVariantStockInput.pick({ variantId: true, stock: true }).parse(input);
  const [target] = await db
    .select({ id: productVariants.id, reserved: productVariants.reserved, productId: products.id, productSlug: products.slug, readOnlySince: products.readOnlySince })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(productVariants.id, variantId), eq(products.storeId, store.id)));
  if (!target) throw new AppError('NOT_FOUND', { key: 'notFound.variant' });
  assertWritable('product', target);
  // Conditional update: never below what pending orders hold, even if a reservation lands meanwhile.
  const [updated] = await db
    .update(productVariants)
    .set({ stock })
    .where(and(eq(productVariants.id, variantId), sql`${productVariants.reserved} <= ${stock}`))
    .returning({ stock: productVariants.stock });
  if (!updated) {
    throw new AppError('CONFLICT', {
      key: 'product.stockBelowReservedSet',
      fields: { stock: { key: 'product.stockMinReservedField', params: { reserved: target.reserved } } },
    });
  }
  await db.update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, target.productId));
  return { variantId, stock: updated.stock, productId: target.productId, productSlug: target.productSlug };
}
