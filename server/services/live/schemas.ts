import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const ZShowRef = z.object({ showId: z.string().uuid() });
export const ZShowSlug = z.object({ slug: z.string().regex(/^[a-z0-9-]{4,64}$/, vmsg('invalidLink')) });

export const ZScheduleShowInput = z.object({
  title: z.string().trim().min(3, vmsg('showTitleMin')).max(120, vmsg('maxChars', { maximum: 120 })),
  scheduledAt: z.coerce.date({ message: vmsg('chooseDateTime') }),
  coverMediaId: z.string().uuid().nullish(),
  productIds: z.array(z.string().uuid()).max(30, vmsg('maxProducts', { maximum: 30 })).default([]),
});
export type TScheduleShowInput = z.input<typeof ZScheduleShowInput>;

export const ZPinInput = ZShowRef.extend({ productId: z.string().uuid() });

export const CHAT_MAX_CHARS = 500;
export const ZChatInput = ZShowRef.extend({
  body: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim())
    .pipe(z.string().min(1, vmsg('writeMessage')).max(CHAT_MAX_CHARS, `Máximo ${CHAT_MAX_CHARS} caracteres.`)),
});
export const ZChatMessageRef = ZShowRef.extend({ messageId: z.number().int().positive() });

export const ZTipInput = ZShowRef.extend({
  amount: z.number().int(vmsg('invalidAmount')).min(100, vmsg('minTip')).max(100_000_00, vmsg('amountTooHigh')),
  message: z.string().trim().max(140, vmsg('maxChars', { maximum: 140 })).default(''),
});

export const ZHeartbeatInput = ZShowRef.extend({ viewerKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });
