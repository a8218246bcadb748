import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { media } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/**
 * Media may be attached (product photos, store logo) only when ready and owned by the store, or — for media
 * uploaded before the store existed — by the acting user with no store. Anything else is a BAD_REQUEST on `field`.
 */
export async function assertReadyMedia({
  db,
  mediaIds,
  userId,
  storeId,
  field = 'images',
}: {
  db: DbOrTx;
  mediaIds: string[];
  userId: string;
  storeId?: string;
  field?: string;
}): Promise<void> {
  const ids = [...new Set(mediaIds)];
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: media.id, storeId: media.storeId, ownerUserId: media.ownerUserId, status: media.status })
    .from(media)
    .where(and(inArray(media.id, ids), eq(media.status, 'ready')));
  const usable = rows.filter((m) => (storeId && m.storeId === storeId) || (m.storeId === null && m.ownerUserId === userId));
  if (usable.length !== ids.length) {
    throw new AppError('BAD_REQUEST', {
      message: 'Alguna foto no terminó de subirse o no te pertenece.',
      fields: { [field]: 'Foto no disponible; vuelve a subirla.' },
    });
  }
}
