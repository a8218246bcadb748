import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orderEvents, orders } from '../../db/schema';
import { logger } from '../../log/logger';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { sellerNet } from './refund-order';

const RELEASABLE = ['paid', 'fulfilled', 'delivered', 'refunded'] as const;

/**
 * Moves sellers' money of orders whose release time has come (delivered, or the hold period ended) from pending to
 * available. One order per transaction, each row re-taken with SKIP LOCKED so parallel sweeps share the work; the
 * ledger reference (release/order/<id>) makes a re-run after a crash post nothing twice. An order that cannot be
 * released (its ledger does not add up) is logged and skipped, never blocking the others behind it.
 */
export async function releaseDueFunds({
  db,
  now = new Date(),
  limit = 200,
  storeId,
}: {
  db: Db;
  now?: Date;
  limit?: number;
  /** Only this store's orders (tests and per-store tools); the sweep releases all. */
  storeId?: string;
}): Promise<number> {
  const due = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        lte(orders.fundsReleaseAt, now),
        isNull(orders.fundsReleasedAt),
        inArray(orders.status, [...RELEASABLE]),
        storeId ? eq(orders.storeId, storeId) : undefined,
      ),
    )
    .orderBy(orders.fundsReleaseAt)
    .limit(limit);
  let released = 0;
  for (const { id } of due) {
    try {
      const done = await db.transaction(async (tx) => {
        const [order] = await tx
          .select()
          .from(orders)
          .where(and(eq(orders.id, id), isNull(orders.fundsReleasedAt), inArray(orders.status, [...RELEASABLE])))
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
      if (done) released++;
    } catch (err) {
      logger.error({ err, orderId: id }, 'seller funds of an order could not be released; skipped');
    }
  }
  return released;
}
