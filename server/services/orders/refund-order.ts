import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { orderEvents, orders, type Checkout, type Order, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { queueEmail } from '../outbox/queue-email';
import { appendAudit } from '../audit/append-audit';

const REFUNDABLE = ['paid', 'fulfilled', 'delivered'] as const;

/** The part of an order's commission that goes back when `refunded` of its `total` has been refunded. */
export function commissionRefunded(order: Pick<Order, 'commission' | 'total'>, refunded: number): number {
  if (order.total <= 0) return 0;
  return Math.floor((order.commission * refunded * 2 + order.total) / (order.total * 2));
}

/** What the seller still has from an order after refunds: total − commission, less refunds net of their commission. */
export function sellerNet(order: Pick<Order, 'commission' | 'total' | 'refundedAmount'>): number {
  return order.total - order.commission - (order.refundedAmount - commissionRefunded(order, order.refundedAmount));
}

/**
 * Records a refund of `amount` on a locked, paid order: the buyer gets it from clearing, the seller gives back its
 * share (from pending, or from available once released), the platform gives back the matching commission. `ref`
 * names this refund so a retry posts nothing twice.
 */
async function applyRefund(db: DbOrTx, order: Order, amount: number, ref: string, actor: string, reason: string): Promise<Order> {
  const after = order.refundedAmount + amount;
  const commissionBack = commissionRefunded(order, after) - commissionRefunded(order, order.refundedAmount);
  const sellerAccount = order.fundsReleasedAt ? 'seller_available' : 'seller_pending';
  const posted = await postLedgerTransaction(db, {
    kind: 'refund',
    refType: 'order',
    refId: `${order.id}:${ref}`,
    currency: order.currency,
    memo: `Reembolso pedido #${order.number}${reason ? `: ${reason}` : ''}`,
    lines: [
      { owner: { storeId: order.storeId }, kind: sellerAccount, amount: amount - commissionBack },
      { owner: 'platform', kind: 'commission_revenue', amount: commissionBack },
      { owner: 'platform', kind: 'clearing', amount: -amount },
    ],
  });
  if (!posted.posted) return order;
  await appendAudit(db, {
    actor: actor.includes(':') ? actor : `user:${actor}`,
    action: 'order.refund',
    subject: `order:${order.id}`,
    data: { storeId: order.storeId, amount, currency: order.currency, refundedTotal: after, ref, reason },
  });
  const full = after >= order.total;
  const [updated] = await db
    .update(orders)
    .set({ refundedAmount: after, status: full ? 'refunded' : order.status, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id))
    .returning();
  await db.insert(orderEvents).values({ orderId: order.id, kind: full ? 'refunded' : 'partially_refunded', actor, data: { amount, refundedTotal: after, reason } });
  await queueEmail(db, {
    to: order.contact.email,
    template: 'order_refunded',
    locale: order.locale,
    dedupeKey: `order_refunded:${order.id}:${ref}`,
    data: { orderId: order.id, number: order.number, amount, refundedTotal: after, total: order.total, currency: order.currency, buyerName: order.contact.name, reason },
  });
  return updated!;
}

/**
 * A seller refunds an order of its store, fully or partly (money returned to the buyer through the payment provider's
 * console, which has no refund API): `amount` ≤ what is left to refund. `idempotencyKey` makes a double-click one refund.
 */
export async function refundOrder({
  db,
  store,
  actorUserId,
  input,
}: {
  db: Db;
  store: Pick<Store, 'id'>;
  actorUserId: string;
  input: { orderId: string; amount: number; reason: string; idempotencyKey: string };
}): Promise<Order> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(and(eq(orders.id, input.orderId), eq(orders.storeId, store.id))).for('update');
    if (!order) throw new AppError('NOT_FOUND', { key: 'notFound.order' });
    if (!(REFUNDABLE as readonly string[]).includes(order.status)) {
      throw new AppError('CONFLICT', { key: 'orders.notRefundable', data: { reason: 'NOT_REFUNDABLE', status: order.status } });
    }
    const left = order.total - order.refundedAmount;
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > left) {
      throw new AppError('BAD_REQUEST', { key: 'orders.refundAmountRange', params: { max: left }, fields: { amount: 'orders.refundAmountField' } });
    }
    return applyRefund(tx, order, input.amount, `seller:${input.idempotencyKey}`, actorUserId, input.reason);
  });
}

/** The provider refunded a whole checkout: every paid order of it is refunded for what is left. */
export async function refundCheckoutOrders(db: DbOrTx, checkout: Checkout, actor: string): Promise<void> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.checkoutId, checkout.id), inArray(orders.status, [...REFUNDABLE])))
    .orderBy(orders.id)
    .for('update');
  for (const order of rows) {
    const left = order.total - order.refundedAmount;
    if (left > 0) await applyRefund(db, order, left, 'provider', actor, 'Reembolsado por el proveedor de pagos');
  }
}
