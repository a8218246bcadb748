import { limitedByIp } from '@/server/http/rate-limit';
import { handleCregisPaymentCallback } from '@/server/webhooks/cregis';

export const POST = limitedByIp('webhook', 'cregis', (req: Request) => handleCregisPaymentCallback(req));
