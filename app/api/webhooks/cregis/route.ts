import { handleCregisPaymentCallback } from '@/server/webhooks/cregis';

export const POST = (req: Request) => handleCregisPaymentCallback(req);
