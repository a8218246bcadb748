import { z } from 'zod';

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
  storeId: z.string().uuid('Tienda inválida.').optional(),
  purpose: ZMediaPurpose,
  fileName: z.string().trim().min(1, 'Falta el nombre del archivo.').max(255, 'El nombre del archivo es demasiado largo.'),
  /** Checked by the service against IMAGE_TYPES so the error carries UNSUPPORTED_MEDIA_TYPE. */
  contentType: z.string().max(100),
  /** Checked by the service against MEDIA_MAX_BYTES so the error carries PAYLOAD_TOO_LARGE. */
  bytes: z.number().int('Tamaño inválido.').positive('El archivo está vacío.'),
});
export type TCreateUploadInput = z.infer<typeof ZCreateUploadInput>;

export type TUploadInstruction = { url: string; method: 'PUT'; headers: Record<string, string> };
export type TCreateUploadResult = { mediaId: string; upload: TUploadInstruction; publicUrl: string };

export const ZConfirmMediaInput = z.object({ mediaId: z.string().uuid('Foto inválida.') });
export type TConfirmMediaInput = z.infer<typeof ZConfirmMediaInput>;
export type TConfirmMediaResult = { mediaId: string; url: string; width: number; height: number };

/** What a form keeps for an attached image; the server re-checks the ids (assertReadyMedia). */
export type TMediaRef = { mediaId: string; url: string };

const mbFormat = new Intl.NumberFormat('es', { maximumFractionDigits: 1 });
export function formatMegabytes(bytes: number): string {
  return `${mbFormat.format(bytes / (1024 * 1024))} MB`;
}

/** The browser's pre-check, with the same limits the server enforces. Returns a Spanish message or null. */
export function imageFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!isImageType(file.type)) {
    return `«${file.name}» no es una foto JPG, PNG o WebP.`;
  }
  if (file.size === 0) return `«${file.name}» está vacío.`;
  if (file.size > MEDIA_MAX_BYTES) {
    return `«${file.name}» pesa ${formatMegabytes(file.size)}; el máximo es ${formatMegabytes(MEDIA_MAX_BYTES)}.`;
  }
  return null;
}
