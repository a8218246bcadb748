import { z } from 'zod';

export const SEGMENTS = ['new', 'repeat', 'vip', 'at_risk'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_LABEL: Record<Segment, string> = { new: 'Nuevo', repeat: 'Recurrente', vip: 'VIP', at_risk: 'En riesgo' };

export const ZCustomerListInput = z.object({
  segment: z.enum(SEGMENTS).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100, 'Máximo 100 caracteres.').optional(),
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
  .refine((v) => ACCOUNT_ID.test(v) || GUEST_ID.test(v), 'Cliente inválido.');

export const ZAddNoteInput = z.object({ buyerId: ZBuyerId, body: z.string().trim().min(1, 'Escribe la nota.').max(2000, 'Máximo 2000 caracteres.') });
export const ZTagInput = z.object({
  buyerId: ZBuyerId,
  tag: z
    .string()
    .trim()
    .min(1, 'Escribe la etiqueta.')
    .max(40, 'Máximo 40 caracteres.')
    .transform((t) => t.toLowerCase()),
});
