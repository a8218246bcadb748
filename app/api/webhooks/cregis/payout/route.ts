import { limitedByIp } from '@/server/http/rate-limit';
import { withRequestLog } from '@/server/observability/request-log';
import { handleCregisPayoutCallback } from '@/server/webhooks/cregis';

export const POST = withRequestLog('webhook.cregis_payout', limitedByIp('webhook', 'cregis', (req: Request) => handleCregisPayoutCallback(req)));
