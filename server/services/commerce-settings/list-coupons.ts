import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { coupons, type Coupon, type Store } from '../../db/schema';

/** The store's coupons, newest first. */
export async function listCoupons({ db, store }: { db: DbOrTx; store: Store }): Promise<Coupon[]> {
  return db.select().from(coupons).where(eq(coupons.storeId, store.id)).orderBy(desc(coupons.createdAt), desc(coupons.id));
}
