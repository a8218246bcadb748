import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { ErrorKey, MessageParams } from '../../errors/messages';

export type SellableVariant = { variantId: string; productId: string; title: string; available: number };

/** The variant a buyer asks for, if it can be bought now: it exists, its product and its store are active. */
export async function sellableVariant({ tx, variantId }: { tx: DbOrTx; variantId: string }): Promise<SellableVariant> {
  const [row] = (await tx.execute(sql`
    SELECT v.id, p.id AS product_id, p.title, p.status AS product_status, s.status AS store_status,
      (v.stock - v.reserved)::int AS available
    FROM product_variants v JOIN products p ON p.id = v.product_id JOIN stores s ON s.id = p.store_id
    WHERE v.id = ${variantId}
  `)) as unknown as Array<{ id: string; product_id: string; title: string; product_status: string; store_status: string; available: number }>;
  if (!row) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
  if (row.product_status !== 'active' || row.store_status !== 'active') {
    throw new AppError('CONFLICT', { key: 'cart.unavailable', data: { reason: 'UNAVAILABLE' } });
  }
  return { variantId: row.id, productId: row.product_id, title: row.title, available: Math.max(0, Number(row.available)) };
}

/** CONFLICT naming how many units are left, so the buyer can pick a quantity that works. */
export function assertAvailable({ wanted, available, inCart }: { wanted: number; available: number; inCart: number }) {
  if (wanted <= available) return;
  if (available <= 0) {
    throw new AppError('CONFLICT', { key: 'cart.outOfStock', data: { reason: 'OUT_OF_STOCK', available: 0, inCart } });
  }
  const message: { key: ErrorKey; params: MessageParams } = inCart > 0 && inCart < wanted && inCart <= available
    ? { key: 'cart.onlyLeftInCart', params: { available, inCart } }
    : { key: 'cart.onlyLeft', params: { available } };
  throw new AppError('CONFLICT', { ...message, fields: { qty: message }, data: { reason: 'INSUFFICIENT_STOCK', available, inCart } });
}
