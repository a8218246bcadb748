import { revalidateStorefront } from '@/server/cache/revalidate';
import { limitedByIp } from '@/server/http/rate-limit';
import { withRequestLog } from '@/server/observability/request-log';
import { handleDiditWebhook } from '@/server/webhooks/didit';

// A store's verified badge is on its cached pages: refresh them when its standing changes.
export const POST = withRequestLog('webhook.didit', limitedByIp('webhook', 'didit', (req: Request) =>
  handleDiditWebhook(req, { onStoreChanged: (storeSlug) => revalidateStorefront({ storeSlug }) }),
));
