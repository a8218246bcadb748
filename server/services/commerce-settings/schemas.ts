import { z } from 'zod';
import { ZMoneyMinor } from '../products/schemas';
import { vmsg } from '../../errors/validation';

export const DELIVERY_KINDS = ['flat_rate', 'free_over', 'pickup'] as const;
export type TDeliveryKind = (typeof DELIVERY_KINDS)[number];

const ZLabel = z.string().trim().min(2, vmsg('minChars', { minimum: 2 })).max(60, vmsg('maxChars', { maximum: 60 }));
const ZDetails = z.string().trim().max(300, vmsg('maxChars', { maximum: 300 }));
const ZPositiveMoney = ZMoneyMinor.refine((n) => n > 0, vmsg('greaterThanZero'));

/** What each kind needs: flat_rate a price, free_over a price and the threshold, pickup where to pick up. */
export const ZDeliveryOptionFields = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('flat_rate'), label: ZLabel, price: ZMoneyMinor, details: ZDetails.default(''), active: z.boolean().default(true) }),
    z.object({
      kind: z.literal('free_over'),
      label: ZLabel,
      price: ZMoneyMinor,
      freeOver: ZPositiveMoney,
      details: ZDetails.default(''),
      active: z.boolean().default(true),
    }),
    z.object({
      kind: z.literal('pickup'),
      label: ZLabel,
      details: z.string().trim().min(5, vmsg('pickupDetails')).max(300, vmsg('maxChars', { maximum: 300 })),
      active: z.boolean().default(true),
    }),
  ],
  { error: vmsg('chooseDeliveryKind') },
);

export const ZCreateDeliveryOptionInput = z.object({ storeId: z.string().uuid() }).and(ZDeliveryOptionFields);
export type TCreateDeliveryOptionInput = z.input<typeof ZCreateDeliveryOptionInput>;

export const ZUpdateDeliveryOptionInput = z.object({ storeId: z.string().uuid(), optionId: z.string().uuid() }).and(ZDeliveryOptionFields);
export type TUpdateDeliveryOptionInput = z.input<typeof ZUpdateDeliveryOptionInput>;

export const ZDeliveryOptionRef = z.object({ storeId: z.string().uuid(), optionId: z.string().uuid() });

export const ZSetDeliveryOptionActiveInput = ZDeliveryOptionRef.extend({ active: z.boolean() });

export const ZReorderDeliveryOptionsInput = z.object({
  storeId: z.string().uuid(),
  /** Every option id of the store, in the new order. */
  optionIds: z
    .array(z.string().uuid())
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, vmsg('repeatedOptions')),
});

export const ZCouponCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(3, vmsg('minChars', { minimum: 3 }))
  .max(30, vmsg('maxChars', { maximum: 30 }))
  .regex(/^[A-Z0-9_-]+$/, vmsg('couponCodeChars'));

const couponFields = z.object({
  code: ZCouponCode,
  kind: z.enum(['percent', 'fixed'], { message: vmsg('chooseDiscountKind') }),
  /** percent: 1–100; fixed: minor units of the store currency. */
  value: z.number({ message: vmsg('enterDiscount') }).int(vmsg('noDecimals')).min(1, vmsg('greaterThanZero')).max(1_000_000_000_00, vmsg('amountTooHigh')),
  minAmount: ZMoneyMinor.default(0),
  usageLimit: z
    .number({ message: vmsg('enterNumber') })
    .int(vmsg('wholeNumbers'))
    .min(1, vmsg('minOneUse'))
    .max(1_000_000, vmsg('maxOneMillion'))
    .nullable()
    .default(null),
  expiresAt: z.coerce.date({ message: vmsg('invalidDate') }).nullable().default(null),
  active: z.boolean().default(true),
});

function checkCoupon(c: z.output<typeof couponFields>, ctx: z.RefinementCtx) {
  if (c.kind === 'percent' && c.value > 100) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: vmsg('percentRange') });
  }
}

export const ZCreateCouponInput = couponFields.extend({ storeId: z.string().uuid() }).superRefine(checkCoupon);
export type TCreateCouponInput = z.input<typeof ZCreateCouponInput>;

export const ZUpdateCouponInput = couponFields.extend({ storeId: z.string().uuid(), couponId: z.string().uuid() }).superRefine(checkCoupon);
export type TUpdateCouponInput = z.input<typeof ZUpdateCouponInput>;

export const ZCouponRef = z.object({ storeId: z.string().uuid(), couponId: z.string().uuid() });
export const ZSetCouponActiveInput = ZCouponRef.extend({ active: z.boolean() });

/** Whether a coupon can be used now (for display; checkout re-checks inside its transaction). */
export function couponState(c: { active: boolean; expiresAt: Date | null; usageLimit: number | null; usedCount: number }, now = new Date()): 'active' | 'inactive' | 'expired' | 'exhausted' {
  if (!c.active) return 'inactive';
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return 'exhausted';
  return 'active';
}

