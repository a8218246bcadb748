import { and, eq } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import { getMediaStorage, type MediaStorage } from '../../adapters/media';
import type { Db } from '../../db/client';
import { media, type Media } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { detectImageType } from './detect-image-type';
import { megabytes, MEDIA_MAX_BYTES, type TConfirmMediaResult, type TImageType } from './schemas';

export type MediaVerdict =
  | { outcome: 'ready'; result: TConfirmMediaResult }
  | { outcome: 'failed'; error: AppError }
  | { outcome: 'missing' };

/**
 * Marks an uploaded image ready after checking the stored bytes themselves. Idempotent: a ready image
 * answers the same result again. Only the uploader may confirm; anyone else gets NOT_FOUND.
 */
export async function confirmMedia({
  db,
  storage = getMediaStorage(),
  userId,
  mediaId,
}: {
  db: Db;
  storage?: MediaStorage;
  userId: string;
  mediaId: string;
}): Promise<TConfirmMediaResult> {
  const verdict = await settleMedia({ db, storage, mediaId, ownerUserId: userId });
  if (!verdict) throw new AppError('NOT_FOUND', { key: 'notFound.photo' });
  if (verdict.outcome === 'ready') return verdict.result;
  if (verdict.outcome === 'failed') throw verdict.error;
  throw new AppError('CONFLICT', { key: 'media.stillUploading' });
}

/**
 * Locks the media row and, if it is still pending and its object exists, verifies the object and records the
 * verdict (ready, or failed with the object deleted). Shared by confirmMedia and the media.process job, so the
 * two can race without double work. Returns null when no such row (for that owner) exists.
 */
export async function settleMedia({
  db,
  storage,
  mediaId,
  ownerUserId,
}: {
  db: Db;
  storage: MediaStorage;
  mediaId: string;
  ownerUserId?: string;
}): Promise<MediaVerdict | null> {
  return db.transaction(async (tx) => {
    const where = ownerUserId ? and(eq(media.id, mediaId), eq(media.ownerUserId, ownerUserId)) : eq(media.id, mediaId);
    const [row] = await tx.select().from(media).where(where).for('update').limit(1);
    if (!row) return null;
    if (row.status === 'ready') return { outcome: 'ready', result: readyResult(storage, row) };
    if (row.status === 'failed') {
      return {
        outcome: 'failed',
        error: new AppError('BAD_REQUEST', { key: 'media.processingFailed' }),
      };
    }

    const checked = await inspectStoredImage(storage, row);
    if (checked.outcome === 'missing') return checked;
    if (checked.outcome === 'failed') {
      await storage.deleteObject(row.key);
      await tx.update(media).set({ status: 'failed' }).where(eq(media.id, row.id));
      return checked;
    }
    const [updated] = await tx
      .update(media)
      .set({ status: 'ready', width: checked.width, height: checked.height, bytes: checked.bytes })
      .where(eq(media.id, row.id))
      .returning();
    return { outcome: 'ready', result: readyResult(storage, updated ?? row) };
  });
}

function readyResult(storage: MediaStorage, row: Media): TConfirmMediaResult {
  return { mediaId: row.id, url: storage.publicUrl(row.key), width: row.width ?? 0, height: row.height ?? 0 };
}

type Inspection =
  | { outcome: 'ok'; width: number; height: number; bytes: number }
  | { outcome: 'failed'; error: AppError }
  | { outcome: 'missing' };

/** Size, magic numbers and a real decode of the header; photos carrying metadata are rewritten without it. */
async function inspectStoredImage(storage: MediaStorage, row: Media): Promise<Inspection> {
  const head = await storage.headObject(row.key);
  if (!head) return { outcome: 'missing' };
  if (head.bytes > MEDIA_MAX_BYTES) {
    return {
      outcome: 'failed',
      error: new AppError('PAYLOAD_TOO_LARGE', {
        key: 'media.tooLarge',
        params: { size: megabytes(head.bytes), max: megabytes(MEDIA_MAX_BYTES) },
      }),
    };
  }
  if (head.bytes !== row.bytes) {
    return {
      outcome: 'failed',
      error: new AppError('BAD_REQUEST', { key: 'media.mismatch' }),
    };
  }
  const bytes = await storage.getObject(row.key);
  if (!bytes) return { outcome: 'missing' };

  const type = await detectImageType(bytes);
  if (type !== row.mime) {
    return {
      outcome: 'failed',
      error: new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'media.notAnImage' }),
    };
  }

  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return { outcome: 'failed', error: new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'media.corrupt' }) };
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) {
    return { outcome: 'failed', error: new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'media.corrupt' }) };
  }

  // Phone photos carry EXIF (often the GPS position of the seller's home). The original URL is public, so
  // the stored object is rewritten upright and without metadata before anyone is given its URL.
  if (meta.exif || meta.xmp || meta.iptc) {
    const clean = await stripMetadata(bytes, type);
    await storage.putObject(row.key, clean, type);
    return { outcome: 'ok', width, height, bytes: clean.byteLength };
  }
  return { outcome: 'ok', width, height, bytes: bytes.byteLength };
}

async function stripMetadata(bytes: Buffer, type: TImageType): Promise<Buffer> {
  const image = sharp(bytes).autoOrient().keepIccProfile();
  if (type === 'image/jpeg') return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
  if (type === 'image/png') return image.png().toBuffer();
  return image.webp({ quality: 90 }).toBuffer();
}
