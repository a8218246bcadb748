import { z } from 'zod';
import type { ErrorKey } from '../../errors/messages';
import { vmsg } from '../../errors/validation';

export const ZContact = z.object({
  name: z.string().trim().min(2, vmsg('enterName')).max(120),
  email: z.string().trim().toLowerCase().email(vmsg('invalidEmail')).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, vmsg('invalidPhone'))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const ZShippingAddress = z.object({
  line1: z.string().trim().min(3, vmsg('enterAddress')).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(2, vmsg('enterCity')).max(100),
  region: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z.string().trim().length(2, vmsg('countryCode')).toUpperCase(),
  notes: z.string().trim().max(500).optional(),
});

export const ZStoreChoice = z.object({
  storeId: z.string().uuid(),
  /** null → the store's cheapest applicable option is proposed by quote; create requires a choice. */
  deliveryOptionId: z.string().uuid().nullable().default(null),
  couponCode: z
    .string()
    .trim()
    .toUpperCase()
    .max(40)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const ZCheckoutLine = z.object({ variantId: z.string().uuid(), qty: z.number().int().min(1).max(99) });

/** checkout.quote: what the buyer would pay right now for the cart (or the given lines), per store. */
export const ZQuoteInput = z.object({
  stores: z.array(ZStoreChoice).max(20).default([]),
});

/** checkout.create: reserves stock, creates one order per store under one payment, returns where to pay. */
export const ZCreateCheckoutInput = z.object({
  /** Client-generated per checkout attempt; a retry with the same key and body gets the same answer. */
  idempotencyKey: z.string().uuid(),
  contact: ZContact,
  /** Required when any chosen delivery option ships (not pickup). */
  shippingAddress: ZShippingAddress.optional(),
  stores: z.array(ZStoreChoice.extend({ deliveryOptionId: z.string().uuid() })).min(1).max(20),
  /** The grand total the buyer saw; a different current total answers CONFLICT PRICE_CHANGED with the new quote. */
  expectedTotal: z.number().int().nonnegative(),
  locale: z.enum(['es', 'en']).default('es'),
});

export const ZCheckoutRef = z.object({ checkoutId: z.string().uuid(), token: z.string().min(16).max(128).optional() });

export type TQuoteInput = z.infer<typeof ZQuoteInput>;
export type TCreateCheckoutInput = z.infer<typeof ZCreateCheckoutInput>;
export type TCheckoutLine = z.infer<typeof ZCheckoutLine>;
export type TStoreChoice = z.infer<typeof ZStoreChoice>;

/** The quote the buyer sees (checkout.quote) and gets back with CONFLICT PRICE_CHANGED. */
export type CheckoutQuote = {
  currency: string | null;
  /** Different currencies in one cart cannot be paid together: the UI asks to check out per currency. */
  mixedCurrencies: boolean;
  stores: {
    storeId: string;
    storeName: string;
    storeSlug: string;
    currency: string;
    items: {
      variantId: string;
      productId: string;
      title: string;
      options: Record<string, string>;
      imageKey: string | null;
      unitPrice: number;
      qty: number;
      available: number;
      lineTotal: number;
      problem: 'out_of_stock' | 'insufficient_stock' | 'unavailable' | null;
    }[];
    deliveryOptions: { id: string; kind: 'flat_rate' | 'free_over' | 'pickup'; label: string; details: string; price: number; freeOver: number | null; fee: number }[];
    deliveryOptionId: string | null;
    coupon: { code: string; discount: number } | null;
    /** Why the coupon does not apply, in the caller's language; `couponErrorKey` is its key (errors namespace). */
    couponError: string | null;
    couponErrorKey: ErrorKey | null;
    subtotal: number;
    discount: number;
    shippingFee: number;
    total: number;
  }[];
  total: number;
};

export type CreatedCheckout = {
  checkoutId: string;
  accessToken: string;
  paymentUrl: string | null;
  orderIds: string[];
  total: number;
  currency: string;
  expiresAt: Date;
};
