import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const MAX_LINE_QTY = 99;

const ZQty = z
  .number({ message: vmsg('invalidQty') })
  .int(vmsg('invalidQty'))
  .min(1, vmsg('minQty1'))
  .max(MAX_LINE_QTY, `La cantidad máxima es ${MAX_LINE_QTY}.`);

export const ZAddToCartInput = z.object({ variantId: z.string().uuid(vmsg('productNotValid')), qty: ZQty.default(1) });
export const ZSetCartQtyInput = z.object({ variantId: z.string().uuid(vmsg('productNotValid')), qty: ZQty });
export const ZRemoveFromCartInput = z.object({ variantId: z.string().uuid(vmsg('productNotValid')) });

export type TAddToCartInput = z.infer<typeof ZAddToCartInput>;
export type TSetCartQtyInput = z.infer<typeof ZSetCartQtyInput>;
export type TRemoveFromCartInput = z.infer<typeof ZRemoveFromCartInput>;

/** Whose cart: a signed-in buyer's (by user id) or a guest's (by the cookie token). */
export type CartOwner = { userId: string | null; token: string | null };
