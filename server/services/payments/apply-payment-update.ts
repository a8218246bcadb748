import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import {
  checkouts,
  orderEvents,
  orderItems,
  orders,
  products,
  productVariants,
  stockReservations,
  stores,
  type Checkout,
} from '../../db/schema';
import type { PaymentReport } from '../../adapters/payments';
import { logger } from '../../log/logger';
import { enqueue } from '../../jobs/queue';
import { activateSubscriptionPayment } from '../billing/activate-subscription';
import { closeUnpaidCheckout } from '../checkout/release-checkout';
import { computeCommission } from '../commissions/compute-commission';
import { postLedgerTransaction, type LedgerLine } from '../ledger/post-transaction';
import { kickOutbox } from '../outbox/kick-outbox';
import { queueEmail } from '../outbox/queue-email';
import { queueOrderPaidPush } from '../push/queue-push';
import { applyTipPayment, applyTipRefund } from '../live/tips';
import { storeOwnerContact } from '../stores/store-owner';
import { refundCheckoutOrders } from '../orders/refund-order';

export type PaymentUpdateSource = 'callback' | 'reconcile';
export type PaymentUpdateOutcome =
  | 'paid'
  | 'partially_paid'
  | 'expired'
  | 'review'
  | 'refunded'
  | 'unchanged' //       already in that state (duplicate / out-of-order report): no effect
  | 'unknown_payment'; // no checkout has this provider ref: logged and ignored

const OPEN = ['pending', 'partially_paid'] as const;

/** Money that arrived but is owed to no one yet (partial, late, mismatched): clearing ↔ unallocated. */
async function holdUnallocated(db: DbOrTx, checkout: Checkout, amount: number, currency: string, kind: string, refId: string) {
  if (amount <= 0) return;
  await postLedgerTransaction(db, {
    kind,
    refType: 'checkout',
    refId,
    currency,
    memo: `Pago recibido sin asignar (${checkout.id})`,
    lines: [
      { owner: 'platform', kind: 'clearing', amount },
      { owner: 'platform', kind: 'unallocated', amount: -amount },
    ],
  });
}

async function flagForReview(db: DbOrTx, checkout: Checkout, reason: string, report: PaymentReport): Promise<void> {
  await db
    .update(checkouts)
    .set({ status: 'review', reviewReason: reason, paidAmount: Math.max(checkout.paidAmount, report.paidAmount ?? 0), updatedAt: sql`now()` })
    .where(eq(checkouts.id, checkout.id));
  // Whatever arrived is recorded (in the currency it came in) beyond what is already held for this checkout.
  const received = report.paidAmount ?? 0;
  const already = report.currency === checkout.currency ? checkout.paidAmount : 0;
  await holdUnallocated(db, checkout, received - already, report.currency, 'payment_review', `${checkout.id}:${report.state}:${report.currency}:${received}`);
  const orderRows = await db.select().from(orders).where(eq(orders.checkoutId, checkout.id));
  for (const o of orderRows) {
    await db.insert(orderEvents).values({ orderId: o.id, kind: 'payment_review', actor: 'system', data: { reason } });
    const owner = await storeOwnerContact(db, o.storeId);
    if (owner) {
      await queueEmail(db, {
        to: owner.email,
        template: 'payment_review',
        locale: owner.locale,
        dedupeKey: `payment_review:${o.id}`,
        data: { orderId: o.id, number: o.number, reason, total: o.total, currency: o.currency },
      });
    }
  }
  logger.warn({ checkoutId: checkout.id, reason, report }, 'payment flagged for review');
}

/**
 * A checkout of orders is paid in full: each order consumes its reservations (stock − qty, reserved − qty), gets its
 * commission and funds-release date, and the money is split in the ledger (clearing → seller pending + commission,
 * any excess to unallocated). Runs with the checkout row locked and only from an open status, so once.
 */
async function markOrdersPaid(db: DbOrTx, checkout: Checkout, paidAmount: number): Promise<string[]> {
  const now = new Date();
  const orderRows = await db
    .select({ order: orders, holdDays: stores.fundsHoldDays, storeName: stores.name })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.checkoutId, checkout.id), eq(orders.status, 'pending_payment')))
    .orderBy(orders.id)
    // Same lock order as a seller cancelling one of these orders (order row, then its reservations, then variants),
    // so the two never deadlock and a cancelled order is never marked paid.
    .for('update', { of: orders });
  const lines: LedgerLine[] = [];
  const paidIds: string[] = [];
  for (const { order, holdDays, storeName } of orderRows) {
    const reservations = await db
      .update(stockReservations)
      .set({ consumedAt: sql`now()` })
      .where(and(eq(stockReservations.orderId, order.id), isNull(stockReservations.consumedAt), isNull(stockReservations.releasedAt)))
      .returning({ variantId: stockReservations.variantId, qty: stockReservations.qty });
    for (const r of reservations.sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      await db
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} - ${r.qty}`, reserved: sql`${productVariants.reserved} - ${r.qty}` })
        .where(eq(productVariants.id, r.variantId));
    }
    const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
    for (const item of items) {
      if (item.productId) await db.update(products).set({ salesCount: sql`${products.salesCount} + ${item.qty}` }).where(eq(products.id, item.productId));
    }
    const commission = await computeCommission(db, { storeId: order.storeId, amount: order.total, currency: order.currency, at: now, excludeOrderId: order.id });
    await db
      .update(orders)
      .set({
        status: 'paid',
        paidAt: now,
        commission: commission.amount,
        fundsReleaseAt: new Date(now.getTime() + holdDays * 86_400_000),
        updatedAt: now,
      })
      .where(eq(orders.id, order.id));
    await db.insert(orderEvents).values({ orderId: order.id, kind: 'paid', actor: 'system', data: { amount: order.total, currency: order.currency, commissionRule: commission.ruleCode } });
    lines.push({ owner: { storeId: order.storeId }, kind: 'seller_pending', amount: -(order.total - commission.amount) });
    lines.push({ owner: 'platform', kind: 'commission_revenue', amount: -commission.amount });
    paidIds.push(order.id);

    const mailData = {
      orderId: order.id,
      number: order.number,
      storeName,
      buyerName: order.contact.name,
      total: order.total,
      subtotal: order.subtotal,
      discount: order.discount,
      shippingFee: order.shippingFee,
      currency: order.currency,
      items: items.map((i) => ({ title: i.title, options: i.options, qty: i.qty, unitPrice: i.unitPrice })),
      delivery: order.delivery,
      accessToken: checkout.accessToken,
    };
    await queueEmail(db, { to: order.contact.email, template: 'order_paid', locale: order.locale, dedupeKey: `order_paid:${order.id}`, data: mailData });
    const owner = await storeOwnerContact(db, order.storeId);
    if (owner) {
      await queueEmail(db, {
        to: owner.email,
        template: 'order_paid_seller',
        locale: owner.locale,
        dedupeKey: `order_paid_seller:${order.id}`,
        data: { ...mailData, storeId: order.storeId, commission: commission.amount, net: order.total - commission.amount },
      });
    }
    // Web Push to the store's team devices (nothing is queued for people without a subscribed device).
    await queueOrderPaidPush(db, { storeId: order.storeId, orderId: order.id, number: order.number, total: order.total, currency: order.currency, storeName });
  }
  const allocated = -lines.reduce((s, l) => s + l.amount, 0);
  const excess = paidAmount - allocated;
  // Money already held as unallocated (an earlier partial payment) is allocated now instead of arriving again.
  const previouslyHeld = Math.min(checkout.paidAmount, paidAmount);
  await postLedgerTransaction(db, {
    kind: 'payment',
    refType: 'checkout',
    refId: checkout.id,
    currency: checkout.currency,
    memo: `Pago de ${paidIds.length} pedido(s)`,
    lines: [
      { owner: 'platform', kind: 'clearing', amount: paidAmount - previouslyHeld },
      { owner: 'platform', kind: 'unallocated', amount: previouslyHeld },
      ...lines,
      ...(excess > 0 ? [{ owner: 'platform' as const, kind: 'unallocated' as const, amount: -excess }] : []),
    ],
  });
  return paidIds;
}

/**
 * The one place a provider's word about a payment changes our state, whether it came by callback or by the
 * reconciliation job. Idempotent and order-insensitive: every effect (checkout status, orders paid, stock consumed,
 * ledger postings, emails, receipts) happens at most once however often and in whatever order reports arrive.
 * Amount or currency that does not match → review, never paid.
 */
export async function applyPaymentUpdate({
  db,
  provider,
  report,
  source,
}: {
  db: Db;
  provider: string;
  report: PaymentReport;
  source: PaymentUpdateSource;
}): Promise<{ outcome: PaymentUpdateOutcome; checkoutId?: string }> {
  const after: { paidOrders: string[] } = { paidOrders: [] };
  const result = await db.transaction(async (tx): Promise<{ outcome: PaymentUpdateOutcome; checkoutId?: string }> => {
    let [checkout] = await tx
      .select()
      .from(checkouts)
      .where(and(eq(checkouts.provider, provider), eq(checkouts.providerRef, report.providerRef)))
      .for('update');
    if (!checkout && report.orderId && /^[0-9a-f-]{36}$/i.test(report.orderId)) {
      // The provider created the payment but we crashed before storing its ref: adopt it by our own id.
      [checkout] = await tx
        .select()
        .from(checkouts)
        .where(and(eq(checkouts.id, report.orderId), eq(checkouts.provider, provider), isNull(checkouts.providerRef)))
        .for('update');
      if (checkout) {
        await tx.update(checkouts).set({ providerRef: report.providerRef }).where(eq(checkouts.id, checkout.id));
        checkout = { ...checkout, providerRef: report.providerRef };
      }
    }
    if (!checkout) {
      logger.warn({ provider, report, source }, 'payment report for an unknown payment ignored');
      return { outcome: 'unknown_payment' };
    }
    const id = checkout.id;
    const open = (OPEN as readonly string[]).includes(checkout.status);
    const received = report.paidAmount ?? 0;

    switch (report.state) {
      case 'new':
        return { outcome: 'unchanged', checkoutId: id };

      case 'paid':
      case 'paid_over':
      case 'paid_remain': {
        if (checkout.status === 'paid' || checkout.status === 'refunded' || checkout.status === 'review') return { outcome: 'unchanged', checkoutId: id };
        if (report.currency !== checkout.currency) {
          await flagForReview(tx, checkout, `Moneda recibida ${report.currency}, esperada ${checkout.currency}.`, report);
          return { outcome: 'review', checkoutId: id };
        }
        // A provider that does not say how much arrived is trusted for the amount it was asked for.
        const paid = report.paidAmount ?? checkout.amount;
        if (paid < checkout.amount) {
          await flagForReview(tx, checkout, `Se recibió ${paid} de ${checkout.amount} y el proveedor lo marcó como pagado.`, report);
          return { outcome: 'review', checkoutId: id };
        }
        if (!open) {
          // Money arrived after we closed the checkout (stock given back): a person decides.
          await flagForReview(tx, { ...checkout, paidAmount: 0 }, 'El pago llegó después de que el plazo venció.', report);
          return { outcome: 'review', checkoutId: id };
        }
        await tx.update(checkouts).set({ status: 'paid', paidAmount: paid, paidAt: sql`now()`, updatedAt: sql`now()` }).where(eq(checkouts.id, id));
        if (checkout.purpose === 'orders') after.paidOrders = await markOrdersPaid(tx, checkout, paid);
        else if (checkout.purpose === 'tip') await applyTipPayment(tx, checkout, paid);
        else if (checkout.purpose === 'subscription') {
          await activateSubscriptionPayment(tx, { ...checkout, status: 'paid', paidAmount: paid });
          // The subscription posting took the price from clearing; money held earlier as unallocated (a partial
          // payment) is that same money, and any excess stays unallocated.
          const held = checkout.paidAmount;
          await postLedgerTransaction(tx, {
            kind: 'payment_settle',
            refType: 'checkout',
            refId: id,
            currency: checkout.currency,
            memo: 'Ajuste de pago parcial o excedente',
            lines: [
              { owner: 'platform', kind: 'clearing', amount: paid - held - checkout.amount },
              { owner: 'platform', kind: 'unallocated', amount: held - (paid - checkout.amount) },
            ],
          });
        }
        return { outcome: 'paid', checkoutId: id };
      }

      case 'paid_partial': {
        if (!open) return { outcome: 'unchanged', checkoutId: id };
        if (report.currency !== checkout.currency) {
          await flagForReview(tx, checkout, `Moneda recibida ${report.currency}, esperada ${checkout.currency}.`, report);
          return { outcome: 'review', checkoutId: id };
        }
        if (received <= checkout.paidAmount) return { outcome: 'unchanged', checkoutId: id };
        await holdUnallocated(tx, checkout, received - checkout.paidAmount, checkout.currency, 'payment_partial', `${id}:${received}`);
        await tx.update(checkouts).set({ status: 'partially_paid', paidAmount: received, updatedAt: sql`now()` }).where(eq(checkouts.id, id));
        const orderIds = (await tx.select({ id: orders.id }).from(orders).where(eq(orders.checkoutId, id))).map((o) => o.id);
        if (orderIds.length) {
          await tx.insert(orderEvents).values(orderIds.map((orderId) => ({ orderId, kind: 'payment_partial', actor: 'system', data: { received, due: checkout.amount } })));
        }
        return { outcome: 'partially_paid', checkoutId: id };
      }

      case 'expired': {
        if (!open) return { outcome: 'unchanged', checkoutId: id };
        await closeUnpaidCheckout(tx, checkout, 'expired', 'system');
        return { outcome: checkout.paidAmount > 0 ? 'review' : 'expired', checkoutId: id };
      }

      case 'refunded': {
        if (checkout.status !== 'paid') return { outcome: 'unchanged', checkoutId: id };
        if (checkout.purpose === 'orders') await refundCheckoutOrders(tx, checkout, 'provider');
        else if (checkout.purpose === 'tip') await applyTipRefund(tx, checkout);
        await tx.update(checkouts).set({ status: 'refunded', updatedAt: sql`now()` }).where(eq(checkouts.id, id));
        return { outcome: 'refunded', checkoutId: id };
      }
    }
  });

  for (const orderId of after.paidOrders) {
    await enqueue('order.receipt', { orderId }, { singletonKey: `receipt:${orderId}` }).catch((err) => logger.warn({ err, orderId }, 'receipt not queued; the sweep will'));
  }
  if (result.outcome !== 'unchanged' && result.outcome !== 'unknown_payment') {
    await kickOutbox();
  }
  return result;
}
