import type { LocalMediaStorage } from '../../adapters/media/local';
import { detectImageType, SNIFF_BYTES } from './detect-image-type';
import { isImageType, MEDIA_MAX_BYTES } from './schemas';

export type UploadReceipt =
  | { status: 200; body: { ok: true; key: string; bytes: number } }
  | { status: 400 | 403 | 409 | 413 | 415; body: { ok: false; error: { code: string; message: string } } };

class UploadRejected extends Error {
  constructor(readonly receipt: Exclude<UploadReceipt, { status: 200 }>) {
    super(receipt.body.error.message);
  }
}

function reject(status: 400 | 403 | 409 | 413 | 415, code: string, message: string): Exclude<UploadReceipt, { status: 200 }> {
  return { status, body: { ok: false, error: { code, message } } };
}

/**
 * The local stand-in for S3's presigned PUT. Everything that can be checked before reading is checked first
 * (signature, expiry, declared length and type); the body is then streamed to a temporary file under a hard
 * byte cap, its magic numbers must match the signed type, and only a complete, valid file is moved into place.
 * Any rejection stores nothing.
 */
export async function receiveLocalUpload({
  storage,
  key,
  query,
  contentType,
  contentLength,
  body,
}: {
  storage: LocalMediaStorage;
  key: string;
  query: URLSearchParams;
  /** The request's Content-Type header. */
  contentType: string | null;
  /** The request's Content-Length header (absent for chunked bodies). */
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
}): Promise<UploadReceipt> {
  const verified = storage.verifyUploadUrl(key, query);
  if (!verified.ok) {
    return verified.problem === 'expired'
      ? reject(403, 'EXPIRED', 'El enlace de subida caducó. Vuelve a intentarlo.')
      : reject(403, 'FORBIDDEN', 'Enlace de subida no válido.');
  }
  const { len, type } = verified.upload;
  if (len > MEDIA_MAX_BYTES) return reject(413, 'PAYLOAD_TOO_LARGE', 'La foto supera el máximo de 10 MB.');
  if (!isImageType(type)) return reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'Solo se admiten fotos JPG, PNG o WebP.');
  const headerType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (headerType !== type) {
    return reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'El tipo del archivo no coincide con el de la subida.');
  }
  if (contentLength !== null) {
    const declared = Number(contentLength);
    if (!Number.isSafeInteger(declared) || declared < 0) return reject(400, 'BAD_REQUEST', 'Content-Length no válido.');
    if (declared > len) return reject(413, 'PAYLOAD_TOO_LARGE', 'El archivo es más grande de lo anunciado.');
    if (declared < len) return reject(400, 'BAD_REQUEST', 'El archivo es más pequeño de lo anunciado.');
  }
  if (!body) return reject(400, 'BAD_REQUEST', 'La subida no trae ningún archivo.');

  try {
    const bytes = await storage.writeObjectAtomically(key, checkedChunks(body, len, type), { overwrite: false });
    return { status: 200, body: { ok: true, key, bytes } };
  } catch (e) {
    if (e instanceof UploadRejected) return e.receipt;
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      return reject(409, 'CONFLICT', 'Esta foto ya se subió.');
    }
    throw e;
  }
}

/** Passes the body through while enforcing the byte cap and checking the magic numbers as soon as they arrive. */
async function* checkedChunks(body: ReadableStream<Uint8Array>, len: number, type: string): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  let head: Buffer | null = Buffer.alloc(0);
  const checkHead = async () => {
    if (head && (await detectImageType(head)) !== type) {
      throw new UploadRejected(reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'El archivo no es una foto JPG, PNG o WebP válida, o no coincide con su tipo.'));
    }
    head = null;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > len || total > MEDIA_MAX_BYTES) {
        throw new UploadRejected(reject(413, 'PAYLOAD_TOO_LARGE', 'El archivo es más grande de lo anunciado.'));
      }
      if (head) {
        head = Buffer.concat([head, value]);
        if (head.byteLength >= SNIFF_BYTES) await checkHead();
      }
      yield value;
    }
    if (total < len) throw new UploadRejected(reject(400, 'BAD_REQUEST', 'La subida se cortó antes de terminar.'));
    await checkHead();
  } finally {
    await reader.cancel().catch(() => {});
  }
}
