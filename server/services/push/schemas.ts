import { z } from 'zod';
import { vmsg } from '../../errors/validation';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, vmsg('invalidKey'));

/** What `PushSubscription.toJSON()` gives in the browser. Push services are https; local test endpoints are http. */
export const ZPushSubscription = z.object({
  endpoint: z.string().url(vmsg('invalidEndpoint')).max(2000).refine((u) => /^https?:\/\//.test(u), vmsg('invalidEndpoint')),
  keys: z.object({ p256dh: base64url.min(80).max(120), auth: base64url.min(16).max(40) }),
  userAgent: z.string().max(400).optional(),
});
export type TPushSubscription = z.infer<typeof ZPushSubscription>;

export const ZPushEndpoint = z.object({ endpoint: z.string().url().max(2000) });

export const ZPushPreferences = z.object({ newOrder: z.boolean(), newMessage: z.boolean(), storeLive: z.boolean() });
export type TPushPreferences = z.infer<typeof ZPushPreferences>;
