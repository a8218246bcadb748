import path from 'node:path';
import { env } from '../../env';
import { S3MediaStorage } from './aws';
import { LocalMediaStorage } from './local';

export { isValidMediaKey } from './keys';

/**
 * Object storage for uploaded media. The browser never streams bytes through a tRPC call: the server
 * issues a presigned PUT (S3, or an HMAC-signed URL served by this app locally) and the browser uploads directly.
 * Keys are content-unique (a fresh uuid per upload), so objects are immutable once ready.
 */
export interface MediaStorage {
  readonly driver: 'local' | 's3';
  /** A URL the browser can PUT exactly `contentLength` bytes of `contentType` to, until it expires. */
  createUploadUrl(opts: CreateUploadUrlOptions): Promise<UploadUrl>;
  /** Server-side write (replaces any object at the key). */
  putObject(key: string, bytes: Buffer, contentType: string): Promise<void>;
  getObject(key: string): Promise<Buffer | null>;
  headObject(key: string): Promise<{ bytes: number } | null>;
  /** Idempotent: deleting a missing object is not an error. */
  deleteObject(key: string): Promise<void>;
  /** The URL handed to `next/image` as `src`. Local: a same-origin path (`/media/<key>`). */
  publicUrl(key: string): string;
}

export type CreateUploadUrlOptions = {
  key: string;
  contentType: string;
  contentLength: number;
  expiresInSec: number;
};
export type UploadUrl = { url: string; method: 'PUT'; headers: Record<string, string> };

const globalForMedia = globalThis as unknown as { vitaMediaStorage?: MediaStorage };

/** The process-wide storage, chosen once by MEDIA_DRIVER. */
export function getMediaStorage(): MediaStorage {
  globalForMedia.vitaMediaStorage ??= createMediaStorageFromEnv();
  return globalForMedia.vitaMediaStorage;
}

function createMediaStorageFromEnv(): MediaStorage {
  const e = env();
  if (e.MEDIA_DRIVER === 's3') {
    if (!e.MEDIA_BUCKET) throw new Error('MEDIA_BUCKET is required when MEDIA_DRIVER=s3');
    return new S3MediaStorage({ bucket: e.MEDIA_BUCKET, region: e.MEDIA_REGION, publicBaseUrl: e.MEDIA_PUBLIC_BASE_URL });
  }
  if (!e.MEDIA_SIGNING_SECRET) {
    throw new Error('MEDIA_SIGNING_SECRET is required when MEDIA_DRIVER=local (npm run dev generates one)');
  }
  return new LocalMediaStorage({ dir: path.resolve(e.MEDIA_DIR), secret: e.MEDIA_SIGNING_SECRET });
}

export { LocalMediaStorage } from './local';
export { S3MediaStorage } from './aws';
