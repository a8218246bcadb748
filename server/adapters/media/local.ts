import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { CreateUploadUrlOptions, MediaStorage, UploadUrl } from './index';
import { isValidMediaKey } from './keys';

export type LocalMediaStorageOptions = {
  /** Absolute directory that holds every object; nothing outside it is ever read or written. */
  dir: string;
  /** HMAC key for upload URLs (≥ 32 chars). */
  secret: string;
  uploadPath?: string;
  publicPath?: string;
  now?: () => number;
};

export type VerifiedUpload = { key: string; exp: number; len: number; type: string };
export type UploadUrlProblem = 'malformed' | 'forged' | 'expired';

/**
 * Files under MEDIA_DIR behind the same presigned-URL protocol as S3: the server signs
 * `PUT|key|exp|len|type` with HMAC-SHA256 and the app's upload route accepts only a matching request.
 */
export class LocalMediaStorage implements MediaStorage {
  readonly driver = 'local' as const;
  readonly dir: string;
  private readonly secret: string;
  private readonly uploadPath: string;
  private readonly publicPath: string;
  private readonly now: () => number;

  constructor(opts: LocalMediaStorageOptions) {
    if (opts.secret.length < 32) throw new Error('Local media signing secret must be at least 32 characters');
    this.dir = path.resolve(opts.dir);
    this.secret = opts.secret;
    this.uploadPath = opts.uploadPath ?? '/api/media/upload';
    this.publicPath = opts.publicPath ?? '/media';
    this.now = opts.now ?? Date.now;
  }

  private sign(method: string, key: string, exp: number, len: number, type: string): string {
    return crypto.createHmac('sha256', this.secret).update(`${method}|${key}|${exp}|${len}|${type}`).digest('hex');
  }

  async createUploadUrl({ key, contentType, contentLength, expiresInSec }: CreateUploadUrlOptions): Promise<UploadUrl> {
    this.assertKey(key);
    const exp = Math.floor(this.now() / 1000) + expiresInSec;
    const sig = this.sign('PUT', key, exp, contentLength, contentType);
    const query = new URLSearchParams({ exp: String(exp), len: String(contentLength), type: contentType, sig });
    return { url: `${this.uploadPath}/${key}?${query.toString()}`, method: 'PUT', headers: { 'Content-Type': contentType } };
  }

  /** Checks an upload URL's signature (constant-time) and expiry. Reads no body. */
  verifyUploadUrl(key: string, query: URLSearchParams): { ok: true; upload: VerifiedUpload } | { ok: false; problem: UploadUrlProblem } {
    const expRaw = query.get('exp') ?? '';
    const lenRaw = query.get('len') ?? '';
    const type = query.get('type') ?? '';
    const sig = query.get('sig') ?? '';
    if (!isValidMediaKey(key) || !/^\d{1,12}$/.test(expRaw) || !/^\d{1,12}$/.test(lenRaw) || !type || !/^[0-9a-f]{64}$/.test(sig)) {
      return { ok: false, problem: 'malformed' };
    }
    const exp = Number(expRaw);
    const len = Number(lenRaw);
    const expected = Buffer.from(this.sign('PUT', key, exp, len, type), 'hex');
    const given = Buffer.from(sig, 'hex');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, problem: 'forged' };
    }
    if (Math.floor(this.now() / 1000) > exp) return { ok: false, problem: 'expired' };
    return { ok: true, upload: { key, exp, len, type } };
  }

  /** The absolute path of a key, or null when the key could escape MEDIA_DIR. */
  pathFor(key: string): string | null {
    if (!isValidMediaKey(key)) return null;
    const full = path.resolve(this.dir, key);
    return full.startsWith(this.dir + path.sep) ? full : null;
  }

  private assertKey(key: string): string {
    const full = this.pathFor(key);
    if (!full) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
    return full;
  }

  /**
   * Writes `chunks` to a temporary file beside the final path, fsyncs it, then moves it into place, so a
   * crash at any moment leaves either nothing or the whole file at the key. If `chunks` throws (size cap,
   * wrong type) the temporary file is removed and the error rethrown. Without `overwrite`, an existing
   * object is kept and `EEXIST` is thrown.
   */
  async writeObjectAtomically(key: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, { overwrite }: { overwrite: boolean }): Promise<number> {
    const final = this.assertKey(key);
    const folder = path.dirname(final);
    await fsp.mkdir(folder, { recursive: true });
    const temp = path.join(folder, `.${path.basename(final)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    const handle = await fsp.open(temp, 'wx', 0o644);
    let written = 0;
    let placed = false;
    try {
      for await (const chunk of chunks) {
        await handle.write(chunk);
        written += chunk.byteLength;
      }
      await handle.sync();
      await handle.close();
      if (overwrite) {
        await fsp.rename(temp, final);
      } else {
        // link() fails with EEXIST instead of replacing: an accepted upload can never be overwritten.
        await fsp.link(temp, final);
        await fsp.unlink(temp);
      }
      placed = true;
      await syncDirectory(folder);
      return written;
    } finally {
      if (!placed) {
        await handle.close().catch(() => {});
        await fsp.unlink(temp).catch(() => {});
      }
    }
  }

  async putObject(key: string, bytes: Buffer, _contentType: string): Promise<void> {
    await this.writeObjectAtomically(key, [bytes], { overwrite: true });
  }

  async getObject(key: string): Promise<Buffer | null> {
    const full = this.assertKey(key);
    try {
      return await fsp.readFile(full);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async headObject(key: string): Promise<{ bytes: number } | null> {
    const stat = await this.statObject(key);
    return stat ? { bytes: stat.size } : null;
  }

  /** Size and modification time of a stored object (null when missing or not a regular file). */
  async statObject(key: string): Promise<{ size: number; mtimeMs: number } | null> {
    const full = this.pathFor(key);
    if (!full) return null;
    try {
      const stat = await fsp.stat(full);
      return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** A read stream for a key that statObject found. */
  readStream(key: string): fs.ReadStream {
    return fs.createReadStream(this.assertKey(key));
  }

  async deleteObject(key: string): Promise<void> {
    const full = this.assertKey(key);
    await fsp.unlink(full).catch((e) => {
      if (!isNotFound(e)) throw e;
    });
  }

  publicUrl(key: string): string {
    this.assertKey(key);
    return `${this.publicPath}/${key}`;
  }
}

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Makes the rename itself durable (the directory entry), not only the file's bytes. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
