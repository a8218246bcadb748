import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { orders } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/**
 * After a conditional UPDATE matched nothing: NOT_FOUND when the order is not this store's, else CONFLICT naming the
 * state the order is really in (another click, another member or the payment job got there first).
 */
export async function transitionError(db: DbOrTx, storeId: string, orderId: string, action: 'cancel' | 'ship' | 'deliver'): Promise<AppError> {
  const [row] = await db
    .select({ status: orders.status, number: orders.number })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)));
  if (!row) return new AppError('NOT_FOUND', { key: 'notFound.order' });
  return new AppError('CONFLICT', {
    key: 'orders.transition',
    params: { action, number: row.number, status: row.status },
    data: { status: row.status },
  });
}
