import { z } from 'zod';
import { documentLocale, validationText, vmsg } from '../../errors/validation';
import type { Locale } from '../../i18n/config';

/**
 * Shared by the upload components (browser) and the media procedures (server): no server-only imports here.
 */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type TImageType = (typeof IMAGE_TYPES)[number];
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');

export const IMAGE_EXTENSIONS: Record<TImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function isImageType(type: string): type is TImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

// chat: a photo attached to a chat message (buyer: no store; seller: its store).
export const ZMediaPurpose = z.enum(['product', 'logo', 'chat']);
export type TMediaPurpose = z.infer<typeof ZMediaPurpose>;

export const ZCreateUploadInput = z.object({
  storeId: z.string().uuid(vmsg('invalidStore')).optional(),
  purpose: ZMediaPurpose,
  fileName: z.string().trim().min(1, vmsg('fileNameMissing')).max(255, vmsg('fileNameTooLong')),
  /** Checked by the service against IMAGE_TYPES so the error carries UNSUPPORTED_MEDIA_TYPE. */
  contentType: z.string().max(100),
  /** Checked by the service against MEDIA_MAX_BYTES so the error carries PAYLOAD_TOO_LARGE. */
  bytes: z.number().int(vmsg('invalidSize')).positive(vmsg('fileEmpty')),
});
export type TCreateUploadInput = z.infer<typeof ZCreateUploadInput>;

export type TUploadInstruction = { url: string; method: 'PUT'; headers: Record<string, string> };
export type TCreateUploadResult = { mediaId: string; upload: TUploadInstruction; publicUrl: string };

export const ZConfirmMediaInput = z.object({ mediaId: z.string().uuid(vmsg('invalidPhoto')) });
export type TConfirmMediaInput = z.infer<typeof ZConfirmMediaInput>;
export type TConfirmMediaResult = { mediaId: string; url: string; width: number; height: number };

/** What a form keeps for an attached image; the server re-checks the ids (assertReadyMedia). */
export type TMediaRef = { mediaId: string; url: string };

const mbFormat = new Intl.NumberFormat('es', { maximumFractionDigits: 1 });
export function formatMegabytes(bytes: number): string {
  return `${mbFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Megabytes to one decimal, for messages that format the number in the reader's language (`{size, number} MB`). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * The browser's pre-check, with the same limits the server enforces. Returns a message in `locale` (by default the
 * page's language, `<html lang>`; Spanish outside a browser) or null.
 */
export function imageFileProblem(file: { name: string; type: string; size: number }, locale: Locale = documentLocale()): string | null {
  if (!isImageType(file.type)) return validationText('upload.notImage', { fileName: file.name }, locale);
  if (file.size === 0) return validationText('upload.empty', { fileName: file.name }, locale);
  if (file.size > MEDIA_MAX_BYTES) {
    return validationText('upload.tooLarge', { fileName: file.name, size: megabytes(file.size), max: megabytes(MEDIA_MAX_BYTES) }, locale);
  }
  return null;
}
