import type { Db } from '../../db/client';
import { storeMembers, stores, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { SessionUser } from '../../auth/session';
import { assertReadyMedia } from '../media/assert-ready-media';
import { assertWithinPlanLimit, lockOwner } from '../plans/get-plan-usage';
import { isUniqueViolation } from '../../db/errors';
import { ZCreateStoreInput, type TCreateStoreInput } from './schemas';
import { suggestStoreSlug } from './suggest-slug';

export async function slugConflict(db: Db, slug: string, name: string, exceptStoreId?: string): Promise<AppError> {
  const suggestion = await suggestStoreSlug({ db, name: slug || name, exceptStoreId });
  return new AppError('CONFLICT', {
    key: 'store.slugTaken',
    params: { slug, suggestion: suggestion.slug },
    fields: { slug: { key: 'store.slugTakenField', params: { suggestion: suggestion.slug } } },
    data: { suggestion: suggestion.slug },
  });
}

/** Opens a store owned by the caller, within the caller's plan. */
export async function createStore({ db, user, input }: { db: Db; user: SessionUser; input: TCreateStoreInput }): Promise<Store> {
  const data = ZCreateStoreInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await lockOwner({ db: tx, ownerId: user.id });
      await assertWithinPlanLimit({ db: tx, ownerId: user.id, resource: 'stores' });
      if (data.logoMediaId) {
        await assertReadyMedia({ db: tx, mediaIds: [data.logoMediaId], userId: user.id, field: 'logoMediaId' });
      }
      const [store] = await tx.insert(stores).values(data).returning();
      if (!store) throw new Error('insert returned no store');
      await tx.insert(storeMembers).values({ storeId: store.id, userId: user.id, role: 'owner' });
      return store;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'stores_slug_idx')) throw await slugConflict(db, data.slug, data.name);
    throw err;
  }
}
