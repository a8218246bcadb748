import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const ZListBuyerOrdersInput = z
  .object({
    page: z.number().int().min(1).max(1000).default(1),
    pageSize: z.number().int().min(1).max(50).default(20),
  })
  .prefault({});

/** `token` is the checkout's access token a guest got in the payment return link (`?t=`). */
export const ZGetBuyerOrderInput = z.object({
  orderId: z.string().uuid(vmsg('orderNotValid')),
  token: z.string().min(16).max(128).optional(),
});

export type TListBuyerOrdersInput = z.input<typeof ZListBuyerOrdersInput>;
export type TGetBuyerOrderInput = z.infer<typeof ZGetBuyerOrderInput>;

/** Timeline entries a buyer may see; seller-side money events (funds released…) stay on the seller's side. */
export const BUYER_EVENT_KINDS = [
  'placed',
  'payment_partial',
  'payment_review',
  'paid',
  'fulfilled',
  'delivered',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
] as const;
