import { limitedByIp } from '@/server/http/rate-limit';
import { handleCregisPayoutCallback } from '@/server/webhooks/cregis';

export const POST = limitedByIp('webhook', 'cregis', (req: Request) => handleCregisPayoutCallback(req));
