import { fileTypeFromBuffer } from 'file-type';
import { isImageType, type TImageType } from './schemas';

/** How many leading bytes the magic-number check needs (file-type's detection window). */
export const SNIFF_BYTES = 4100;

/** The image type the bytes really are (by magic numbers), or null if they are not JPEG, PNG or WebP. */
export async function detectImageType(head: Uint8Array): Promise<TImageType | null> {
  const found = await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES));
  return found && isImageType(found.mime) ? found.mime : null;
}
