import { TRPCClientError } from '@trpc/client';
import {
  imageFileProblem,
  type TConfirmMediaInput,
  type TConfirmMediaResult,
  type TCreateUploadInput,
  type TCreateUploadResult,
  type TMediaPurpose,
  type TUploadInstruction,
} from '@/server/services/media/schemas';
import { documentLocale, validationText } from '@/server/errors/validation';

/** The two media procedures; `useTRPCClient()` satisfies this directly, and tests can pass plain functions. */
export type MediaUploadClient = {
  media: {
    createUpload: { mutate: (input: TCreateUploadInput) => Promise<TCreateUploadResult> };
    confirm: { mutate: (input: TConfirmMediaInput) => Promise<TConfirmMediaResult> };
  };
};

export type UploadImageOptions = {
  storeId?: string;
  purpose: TMediaPurpose;
  client: MediaUploadClient;
  /** 0…1 as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** An upload failure with a message fit to show the seller as is. */
export class UploadError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * The one upload protocol: ask the server for a presigned URL, PUT the file there with progress events
 * (XMLHttpRequest, since fetch has no upload progress), then have the server check the stored bytes.
 */
export async function uploadImage(file: File, opts: UploadImageOptions): Promise<TConfirmMediaResult> {
  const problem = imageFileProblem(file);
  if (problem) throw new UploadError(problem);

  const created = await callServer(() =>
    opts.client.media.createUpload.mutate({
      storeId: opts.storeId,
      purpose: opts.purpose,
      fileName: file.name.slice(0, 255) || 'foto',
      contentType: file.type,
      bytes: file.size,
    }),
  );
  await putWithProgress(created.upload, file, opts.onProgress, opts.signal);
  opts.onProgress?.(1);
  return callServer(() => opts.client.media.confirm.mutate({ mediaId: created.mediaId }));
}

async function callServer<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    // tRPC errors carry the server's message in the user's language (or field messages); anything else is a network problem.
    if (e instanceof TRPCClientError) {
      const data = e.data as { fields?: Record<string, string> } | undefined;
      // Input validation errors (older servers: zod's issue list as their message): show the first field message instead.
      const validation = e.message.trimStart().startsWith('[');
      const first = data?.fields ? Object.values(data.fields)[0] : undefined;
      throw new UploadError((validation && first) || e.message);
    }
    throw new UploadError(validationText('upload.offline', undefined, documentLocale()));
  }
}

const STATUS_MESSAGES = {
  403: 'upload.linkExpired',
  413: 'upload.tooLargeStatus',
  415: 'upload.notImageStatus',
} as const;

/** An upload failure's text in the page's language. */
const uploadText = (key: Parameters<typeof validationText>[0]) => validationText(key, undefined, documentLocale());

function putWithProgress(
  upload: TUploadInstruction,
  file: File,
  onProgress: ((fraction: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadError(uploadText('upload.cancelled')));
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(e.loaded / e.total, 1));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      // 409: this very URL was already used successfully (a retried request) — the bytes are there.
      if (xhr.status === 409) return resolve();
      const key = STATUS_MESSAGES[xhr.status as keyof typeof STATUS_MESSAGES] ?? 'upload.failed';
      reject(new UploadError(uploadText(key), xhr.status));
    };
    xhr.onerror = () => reject(new UploadError(uploadText('upload.connectionLost')));
    xhr.ontimeout = () => reject(new UploadError(uploadText('upload.timeout')));
    xhr.onabort = () => reject(new UploadError(uploadText('upload.cancelled')));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
