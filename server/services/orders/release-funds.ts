import { and, inArray, isNull, lte, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orderEvents, orders } from '../../db/schema';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { sellerNet } from './refund-order';

/**
 * Moves sellers' money of orders whose release time has come (delivered, or the hold period ended) from pending to
 * available. One order per transaction, rows taken with SKIP LOCKED so parallel sweeps share the work; the ledger
 * reference (release/order/<id>) makes a re-run after a crash post nothing twice.
 */
export async function releaseDueFunds({ db, now = new Date(), limit = 200 }: { db: Db; now?: Date; limit?: number }): Promise<number> {
  let released = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const [order] = await tx
        .select()
        .from(orders)
        .where(
          and(
            lte(orders.fundsReleaseAt, now),
            isNull(orders.fundsReleasedAt),
            inArray(orders.status, ['paid', 'fulfilled', 'delivered', 'refunded']),
          ),
        )
        .orderBy(orders.fundsReleaseAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!order) return false;
      const amount = sellerNet(order);
      await postLedgerTransaction(tx, {
        kind: 'release',
        refType: 'order',
        refId: order.id,
        currency: order.currency,
        memo: `Pedido #${order.number} disponible`,
        lines: [
          { owner: { storeId: order.storeId }, kind: 'seller_pending', amount },
          { owner: { storeId: order.storeId }, kind: 'seller_available', amount: -amount },
        ],
      });
      await tx.update(orders).set({ fundsReleasedAt: sql`now()` }).where(eq(orders.id, order.id));
      await tx.insert(orderEvents).values({ orderId: order.id, kind: 'funds_released', actor: 'system', data: { amount } });
      return true;
    });
    if (!done) break;
    released++;
  }
  return released;
}
