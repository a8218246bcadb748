import { revalidatePath, revalidateTag } from 'next/cache';
import { logger } from '../log/logger';
import { TAGS } from './tags';

/**
 * Best-effort refresh of cached public reads and pages after a seller's change. Works under `next start`; Amplify
 * Hosting ignores on-demand revalidation, so pages also expire on their timer and exact price/stock come from the
 * live island.
 */
export function revalidateStorefront({ storeSlug, productSlug }: { storeSlug: string; productSlug?: string }) {
  try {
    const tags = productSlug ? TAGS.forProduct(storeSlug, productSlug) : TAGS.forStore(storeSlug);
    for (const tag of tags) revalidateTag(tag);
    revalidatePath(`/s/${storeSlug}`);
    if (productSlug) revalidatePath(`/s/${storeSlug}/p/${productSlug}`);
    revalidatePath('/');
  } catch (err) {
    // Outside a Next.js request (tests, scripts) there is nothing to revalidate.
    logger.debug({ err }, 'revalidate skipped');
  }
}

/** Best-effort refresh of marketplace-wide cached reads (search results) after a change to how they are ranked. */
export function revalidateMarketplace() {
  try {
    revalidateTag(TAGS.marketplace);
  } catch (err) {
    logger.debug({ err }, 'revalidate skipped');
  }
}
