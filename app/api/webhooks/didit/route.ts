import { revalidateStorefront } from '@/server/cache/revalidate';
import { handleDiditWebhook } from '@/server/webhooks/didit';

// A store's verified badge is on its cached pages: refresh them when its standing changes.
export const POST = (req: Request) => handleDiditWebhook(req, { onStoreChanged: (storeSlug) => revalidateStorefront({ storeSlug }) });
