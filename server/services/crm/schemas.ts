import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const SEGMENTS = ['new', 'repeat', 'vip', 'at_risk'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_LABEL: Record<Segment, string> = { new: 'Nuevo', repeat: 'Recurrente', vip: 'VIP', at_risk: 'En riesgo' };

export const ZCustomerListInput = z.object({
  segment: z.enum(SEGMENTS).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100, vmsg('maxChars', { maximum: 100 })).optional(),
});

/** Customers who bought only as guests are keyed by their normalised email: `guest:ana@correo.pe`. */
export const GUEST_PREFIX = 'guest:';
const ACCOUNT_ID = /^[A-Za-z0-9_.@:-]{1,128}$/;
const GUEST_ID = /^guest:[^\s@]{1,64}@[^\s@]{1,255}$/;

/** A customer key: an account id (Cognito sub: opaque text, bounded) or a guest key; anything else is refused. */
export const ZBuyerId = z
  .string()
  .min(1)
  .max(330)
  .refine((v) => ACCOUNT_ID.test(v) || GUEST_ID.test(v), vmsg('invalidCustomer'));

export const ZAddNoteInput = z.object({ buyerId: ZBuyerId, body: z.string().trim().min(1, vmsg('enterNote')).max(2000, vmsg('maxChars', { maximum: 2000 })) });
export const ZTagInput = z.object({
  buyerId: ZBuyerId,
  tag: z
    .string()
    .trim()
    .min(1, vmsg('enterTag'))
    .max(40, vmsg('maxChars', { maximum: 40 }))
    .transform((t) => t.toLowerCase()),
});
