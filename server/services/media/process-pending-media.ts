import { and, eq } from 'drizzle-orm';
import { getMediaStorage, type MediaStorage } from '../../adapters/media';
import type { Db } from '../../db/client';
import { media } from '../../db/schema';
import { settleMedia } from './confirm-media';

/** A pending upload whose bytes never arrived is given up after this long. */
export const PENDING_MEDIA_MAX_AGE_MS = 60 * 60 * 1000;

export type ProcessPendingOutcome =
  | { outcome: 'absent' | 'settled' | 'ready' | 'failed' | 'expired' }
  | { outcome: 'waiting'; retryAt: Date };

/**
 * The media.process job: settles an upload the browser never confirmed (tab closed after the PUT) and
 * gives up on one whose bytes never arrived. Idempotent — running it again on a settled row does nothing.
 */
export async function processPendingMedia({
  db,
  storage = getMediaStorage(),
  mediaId,
  now = new Date(),
}: {
  db: Db;
  storage?: MediaStorage;
  mediaId: string;
  now?: Date;
}): Promise<ProcessPendingOutcome> {
  const row = await db.query.media.findFirst({ where: eq(media.id, mediaId), columns: { status: true, createdAt: true, key: true } });
  if (!row) return { outcome: 'absent' };
  if (row.status !== 'pending') return { outcome: 'settled' };

  const verdict = await settleMedia({ db, storage, mediaId });
  if (!verdict) return { outcome: 'absent' };
  if (verdict.outcome === 'ready' || verdict.outcome === 'failed') return { outcome: verdict.outcome };

  const giveUpAt = new Date(row.createdAt.getTime() + PENDING_MEDIA_MAX_AGE_MS);
  if (now < giveUpAt) return { outcome: 'waiting', retryAt: giveUpAt };
  const expired = await db
    .update(media)
    .set({ status: 'failed' })
    .where(and(eq(media.id, mediaId), eq(media.status, 'pending')))
    .returning({ id: media.id });
  // A PUT can no longer arrive (its URL expired long ago), but remove any stray object all the same.
  if (expired.length) await storage.deleteObject(row.key);
  return { outcome: expired.length ? 'expired' : 'settled' };
}
