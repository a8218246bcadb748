import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { media, type Media } from '../../db/schema';
import { AppError } from '../../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For services that attach uploaded images (product photos, a store logo): every id must be a ready image
 * uploaded for `storeId`, or uploaded by `userId` before any store was chosen (e.g. a logo during onboarding).
 * Returns the rows in the order given. Duplicated ids are rejected too. Throws BAD_REQUEST with a message on `field` otherwise.
 */
export async function assertReadyMedia({
  db,
  mediaIds,
  storeId,
  userId,
  field = 'images',
}: {
  db: DbOrTx;
  mediaIds: readonly string[];
  storeId?: string | null;
  userId: string;
  field?: string;
}): Promise<Media[]> {
  if (mediaIds.length === 0) return [];
  const reject = () =>
    new AppError('BAD_REQUEST', {
      key: 'media.notReady',
      fields: { [field]: 'media.notReady' },
    });
  if (!mediaIds.every((id) => UUID.test(id))) throw reject();
  const unique = [...new Set(mediaIds)];
  if (unique.length !== mediaIds.length) {
    throw new AppError('BAD_REQUEST', {
      key: 'media.duplicate',
      fields: { [field]: 'media.duplicate' },
    });
  }
  const rows = await db.select().from(media).where(inArray(media.id, unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const owned = (m: Media) =>
    m.storeId ? Boolean(storeId) && m.storeId === storeId : m.ownerUserId === userId;
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || row.status !== 'ready' || row.kind !== 'image' || !owned(row)) throw reject();
  }
  return mediaIds.map((id) => byId.get(id)!);
}
