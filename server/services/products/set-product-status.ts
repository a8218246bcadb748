import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { products, type Product, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { assertWithinPlanLimit, lockOwner } from '../plans/get-plan-usage';
import { storeOwnerId } from '../stores/store-owner';
import { assertWritable } from '../billing/read-only';

/** Archive hides a product from every public page; restore brings it back if the plan has room. */
export async function setProductStatus({
  db,
  store,
  productId,
  status,
}: {
  db: Db;
  store: Store;
  productId: string;
  status: 'active' | 'archived';
}): Promise<Product> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: products.id, status: products.status, readOnlySince: products.readOnlySince })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.storeId, store.id)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
    // Taking a read-only product off sale stays possible (the seller may be unable to deliver it); bringing it back is an edit.
    if (status === 'active') assertWritable('product', current);
    if (status === 'active' && current.status !== 'active') {
      const ownerId = await storeOwnerId(tx, store.id);
      await lockOwner({ db: tx, ownerId });
      await assertWithinPlanLimit({ db: tx, ownerId, resource: 'activeProducts' });
    }
    const [updated] = await tx
      .update(products)
      .set({ status, archivedAt: status === 'archived' ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(products.id, current.id))
      .returning();
    return updated!;
  });
}
