import { revalidatePath } from 'next/cache';
import { logger } from '../log/logger';

/**
 * Best-effort refresh of cached public pages after a seller's change. Works under `next start`; Amplify Hosting
 * ignores on-demand revalidation, so pages also revalidate on a timer and exact price/stock come from the island.
 */
export function revalidateStorefront({ storeSlug, productSlug }: { storeSlug: string; productSlug?: string }) {
  try {
    revalidatePath(`/s/${storeSlug}`);
    if (productSlug) revalidatePath(`/s/${storeSlug}/p/${productSlug}`);
    revalidatePath('/');
  } catch (err) {
    // Outside a Next.js request (tests, scripts) there is nothing to revalidate.
    logger.debug({ err }, 'revalidate skipped');
  }
}
