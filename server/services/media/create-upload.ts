import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getMediaStorage, type MediaStorage } from '../../adapters/media';
import type { Db } from '../../db/client';
import { media, storeMembers } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { enqueue } from '../../jobs/queue';
import {
  megabytes,
  IMAGE_EXTENSIONS,
  isImageType,
  MEDIA_MAX_BYTES,
  type TCreateUploadInput,
  type TCreateUploadResult,
} from './schemas';

/** How long an issued upload URL accepts a PUT. */
export const UPLOAD_URL_TTL_SEC = 15 * 60;

/**
 * Validates an intended upload, records a pending media row and returns where the browser PUTs the bytes.
 * Nothing is trusted yet: the bytes are checked again (magic numbers, size, dimensions) by confirmMedia.
 */
export async function createUpload({
  db,
  storage = getMediaStorage(),
  userId,
  input,
}: {
  db: Db;
  storage?: MediaStorage;
  userId: string;
  input: TCreateUploadInput;
}): Promise<TCreateUploadResult> {
  if (input.purpose === 'product' && !input.storeId) {
    throw new AppError('BAD_REQUEST', { key: 'media.storeMissing', fields: { storeId: 'media.storeMissingField' } });
  }
  if (input.storeId) {
    const member = await db
      .select({ userId: storeMembers.userId })
      .from(storeMembers)
      .where(and(eq(storeMembers.storeId, input.storeId), eq(storeMembers.userId, userId)))
      .limit(1);
    if (!member[0]) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  }
  if (!isImageType(input.contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      key: 'media.unsupportedType',
      params: { fileName: input.fileName },
      fields: { contentType: 'media.unsupportedTypeField' },
    });
  }
  if (input.bytes > MEDIA_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      key: 'media.fileTooLarge',
      params: { fileName: input.fileName, size: megabytes(input.bytes), max: megabytes(MEDIA_MAX_BYTES) },
      fields: { bytes: { key: 'media.fileTooLargeField', params: { max: megabytes(MEDIA_MAX_BYTES) } } },
    });
  }

  const mediaId = crypto.randomUUID();
  const key = `media/${input.storeId ?? userId}/${mediaId}.${IMAGE_EXTENSIONS[input.contentType]}`;
  const upload = await storage.createUploadUrl({
    key,
    contentType: input.contentType,
    contentLength: input.bytes,
    expiresInSec: UPLOAD_URL_TTL_SEC,
  });
  // The sweep is queued before the row exists: if the insert fails the job finds nothing and ends;
  // the reverse order could leave a pending row that nothing ever looks at again.
  await enqueue('media.process', { mediaId }, { startAfter: UPLOAD_URL_TTL_SEC + 60 });
  await db.insert(media).values({
    id: mediaId,
    ownerUserId: userId,
    storeId: input.storeId ?? null,
    kind: 'image',
    key,
    mime: input.contentType,
    bytes: input.bytes,
    status: 'pending',
  });
  return { mediaId, upload, publicUrl: storage.publicUrl(key) };
}
