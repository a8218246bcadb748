import { limitedByIp } from '@/server/http/rate-limit';
import { withRequestLog } from '@/server/observability/request-log';
import { handleCregisPaymentCallback } from '@/server/webhooks/cregis';

export const POST = withRequestLog('webhook.cregis', limitedByIp('webhook', 'cregis', (req: Request) => handleCregisPaymentCallback(req)));
