import { handleCregisPayoutCallback } from '@/server/webhooks/cregis';

export const POST = (req: Request) => handleCregisPayoutCallback(req);
