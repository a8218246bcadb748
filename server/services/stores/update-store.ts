import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { stores, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { isUniqueViolation } from '../../db/errors';
import { assertReadyMedia } from '../media/assert-ready-media';
import { slugConflict } from './create-store';
import { ZUpdateStoreInput, type TUpdateStoreInput } from './schemas';
import { assertWritable } from '../billing/read-only';

/** Edits a store the caller's membership allows (resolved by sellerProcedure). */
export async function updateStore({
  db,
  store,
  userId,
  input,
}: {
  db: Db;
  store: Store;
  userId: string;
  input: TUpdateStoreInput;
}): Promise<Store> {
  const { storeId: _storeId, ...patch } = ZUpdateStoreInput.parse(input);
  assertWritable('store', store);
  if (patch.logoMediaId) {
    await assertReadyMedia({ db, mediaIds: [patch.logoMediaId], userId, storeId: store.id, field: 'logoMediaId' });
  }
  try {
    const [updated] = await db
      .update(stores)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(stores.id, store.id))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
    return updated;
  } catch (err) {
    if (patch.slug && isUniqueViolation(err, 'stores_slug_idx')) {
      throw await slugConflict(db, patch.slug, patch.name ?? store.name, store.id);
    }
    throw err;
  }
}
