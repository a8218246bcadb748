import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { CreateUploadUrlOptions, MediaStorage, UploadUrl } from './index';
import { isValidMediaKey } from './keys';

export type S3MediaStorageOptions = {
  bucket: string;
  region: string;
  /** CloudFront (or bucket) origin that serves objects publicly; defaults to the bucket's regional URL. */
  publicBaseUrl?: string;
  client?: S3Client;
};

/** The bucket from amplify/storage/resource.ts. The browser PUTs to a presigned URL; the server reads back to verify. */
export class S3MediaStorage implements MediaStorage {
  readonly driver = 's3' as const;
  private readonly bucket: string;
  private readonly client: S3Client;
  private readonly publicBase: string;

  constructor(opts: S3MediaStorageOptions) {
    this.bucket = opts.bucket;
    this.client =
      opts.client ??
      new S3Client({
        region: opts.region,
        // Every external call has a timeout.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 20_000 },
        maxAttempts: 3,
        // Otherwise presigned PUTs carry a CRC32 checksum parameter the browser cannot satisfy.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
    this.publicBase = (opts.publicBaseUrl ?? `https://${opts.bucket}.s3.${opts.region}.amazonaws.com`).replace(/\/+$/, '');
  }

  private key(key: string): string {
    if (!isValidMediaKey(key)) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
    return key;
  }

  async createUploadUrl({ key, contentType, contentLength, expiresInSec }: CreateUploadUrlOptions): Promise<UploadUrl> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.key(key),
      ContentType: contentType,
      ContentLength: contentLength,
    });
    // content-type and content-length are signed: S3 rejects a PUT of another type or size (403).
    const url = await getSignedUrl(this.client, command, {
      expiresIn: expiresInSec,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, method: 'PUT', headers: { 'Content-Type': contentType } };
  }

  async putObject(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async getObject(key: string): Promise<Buffer | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      if (!out.Body) return null;
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async headObject(key: string): Promise<{ bytes: number } | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return { bytes: out.ContentLength ?? 0 };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async deleteObject(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }

  publicUrl(key: string): string {
    return `${this.publicBase}/${this.key(key)}`;
  }
}

function isMissing(e: unknown): boolean {
  if (!(e instanceof S3ServiceException)) return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
