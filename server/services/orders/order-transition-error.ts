import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { orders } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { ORDER_STATUS_LABEL, type TOrderStatus } from './seller-order-schemas';

/**
 * After a conditional UPDATE matched nothing: NOT_FOUND when the order is not this store's, else CONFLICT naming the
 * state the order is really in (another click, another member or the payment job got there first).
 */
export async function transitionError(db: DbOrTx, storeId: string, orderId: string, action: string): Promise<AppError> {
  const [row] = await db
    .select({ status: orders.status, number: orders.number })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)));
  if (!row) return new AppError('NOT_FOUND', { message: 'Pedido no encontrado.' });
  const label = ORDER_STATUS_LABEL[row.status as TOrderStatus].toLowerCase();
  return new AppError('CONFLICT', {
    message: `No se puede ${action} el pedido #${row.number}: está ${label}.`,
    data: { status: row.status },
  });
}
