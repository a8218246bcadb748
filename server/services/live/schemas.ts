import { z } from 'zod';

export const ZShowRef = z.object({ showId: z.string().uuid() });
export const ZShowSlug = z.object({ slug: z.string().regex(/^[a-z0-9-]{4,64}$/, 'Enlace inválido.') });

export const ZScheduleShowInput = z.object({
  title: z.string().trim().min(3, 'Escribe un título de al menos 3 letras.').max(120, 'Máximo 120 caracteres.'),
  scheduledAt: z.coerce.date({ message: 'Elige fecha y hora.' }),
  coverMediaId: z.string().uuid().nullish(),
  productIds: z.array(z.string().uuid()).max(30, 'Hasta 30 productos.').default([]),
});
export type TScheduleShowInput = z.input<typeof ZScheduleShowInput>;

export const ZPinInput = ZShowRef.extend({ productId: z.string().uuid() });

export const CHAT_MAX_CHARS = 500;
export const ZChatInput = ZShowRef.extend({
  body: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim())
    .pipe(z.string().min(1, 'Escribe un mensaje.').max(CHAT_MAX_CHARS, `Máximo ${CHAT_MAX_CHARS} caracteres.`)),
});
export const ZChatMessageRef = ZShowRef.extend({ messageId: z.number().int().positive() });

export const ZTipInput = ZShowRef.extend({
  amount: z.number().int('Monto inválido.').min(100, 'La propina mínima es 1.00.').max(100_000_00, 'Monto demasiado alto.'),
  message: z.string().trim().max(140, 'Máximo 140 caracteres.').default(''),
});

export const ZHeartbeatInput = ZShowRef.extend({ viewerKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
