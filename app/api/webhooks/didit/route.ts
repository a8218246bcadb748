import { handleDiditWebhook } from '@/server/webhooks/didit';

export const POST = (req: Request) => handleDiditWebhook(req);
