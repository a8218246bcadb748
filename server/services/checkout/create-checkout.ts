import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  checkouts,
  coupons,
  orderEvents,
  orderItems,
  orders,
  productVariants,
  stockReservations,
  type OrderDelivery,
} from '../../db/schema';
import { env } from '../../env';
import { AppError, type FieldText } from '../../errors/app-error';
import { normalizeErrorText, type ErrorKey, type MessageParams } from '../../errors/messages';
import { logger } from '../../log/logger';
import { enqueue } from '../../jobs/queue';
import { kickOutbox } from '../outbox/kick-outbox';
import { queueEmail } from '../outbox/queue-email';
import { cartLines, removeCartLines, type CartOwner } from './cart-lines';
import { createProviderPayment } from './create-provider-payment';
import { claimIdempotencyKey } from './idempotency';
import { computeQuote } from './quote';
import { ZCreateCheckoutInput, type CheckoutQuote, type CreatedCheckout, type TCheckoutLine, type TCreateCheckoutInput } from './schemas';

type StoredResponse = Omit<CreatedCheckout, 'expiresAt' | 'paymentUrl'> & { expiresAt: string };

function outOfStock(items: { variantId: string; title: string; available: number }[]): AppError {
  const names = items.map((i) => i.title).join(', ');
  return new AppError('CONFLICT', {
    key: items.every((i) => i.available === 0) ? 'checkout.soldOut' : 'checkout.notEnoughStock',
    params: { names },
    data: { reason: 'OUT_OF_STOCK', items },
  });
}

/** The message of an AppError that repeats its first field's (plain error texts only). */
function firstText(first: FieldText): { key: ErrorKey; params?: MessageParams } {
  return typeof first === 'object' && 'issue' in first ? { key: 'generic.invalidInput' } : normalizeErrorText(first);
}

/** Checks the quote is payable as chosen; throws the error the buyer should see first. */
function assertPayable(quote: CheckoutQuote, input: TCreateCheckoutInput): void {
  if (quote.stores.length === 0) throw new AppError('BAD_REQUEST', { key: 'checkout.emptyCart' });
  if (quote.mixedCurrencies) {
    throw new AppError('BAD_REQUEST', {
      key: 'checkout.mixedCurrencies',
      data: { reason: 'MIXED_CURRENCIES' },
    });
  }
  const problems = quote.stores.flatMap((s) => s.items).filter((i) => i.problem);
  if (problems.length) throw outOfStock(problems.map((i) => ({ variantId: i.variantId, title: i.title, available: i.problem === 'unavailable' ? 0 : i.available })));
  const fields: Record<string, FieldText> = {};
  input.stores.forEach((choice, i) => {
    const store = quote.stores.find((s) => s.storeId === choice.storeId);
    if (!store) fields[`stores.${i}.storeId`] = 'checkout.storeNotInCart';
    else if (!store.deliveryOptions.some((o) => o.id === choice.deliveryOptionId)) fields[`stores.${i}.deliveryOptionId`] = 'checkout.chooseDelivery';
    else if (store.couponErrorKey) fields[`stores.${i}.couponCode`] = store.couponErrorKey;
  });
  const first = Object.values(fields)[0];
  if (first) throw new AppError('BAD_REQUEST', { ...firstText(first), fields });
  const ships = quote.stores.some((s) => s.deliveryOptions.find((o) => o.id === s.deliveryOptionId)?.kind !== 'pickup');
  if (ships && !input.shippingAddress) {
    throw new AppError('BAD_REQUEST', { key: 'checkout.shippingAddressRequired', fields: { 'shippingAddress.line1': 'checkout.shippingAddressRequired' } });
  }
  if (quote.total <= 0) throw new AppError('BAD_REQUEST', { key: 'checkout.totalNotPositive' });
  if (quote.total !== input.expectedTotal) {
    throw new AppError('CONFLICT', {
      key: 'checkout.priceChanged',
      data: { reason: 'PRICE_CHANGED', quote },
    });
  }
}

/**
 * Turns the caller's cart (or `lines`) into one payment with one order per store: re-reads prices, checks the total
 * the buyer saw, reserves stock with conditional updates (a unit is never held twice; 200 buyers racing for 10 units
 * get 10 orders), counts coupon uses, writes orders, items, reservations and the timeline — all in one transaction,
 * keyed by the idempotency key. Then opens the provider payment. A crash after the commit leaves a pending checkout
 * without a payment link: the retry with the same key opens it; the expiry sweep releases it otherwise.
 */
export async function createCheckout({
  db,
  buyerUserId,
  cart,
  input: rawInput,
  lines: explicitLines,
  openPayment = true,
}: {
  db: Db;
  buyerUserId: string | null;
  cart: CartOwner;
  input: TCreateCheckoutInput;
  /** Buy these lines instead of the cart's (tests, benchmarks, buy-now in a live show). */
  lines?: TCheckoutLine[];
  /** false: leave the provider payment to the caller (tests of the reservation path). */
  openPayment?: boolean;
}): Promise<CreatedCheckout> {
  const input = ZCreateCheckoutInput.parse(rawInput);
  const scope = `checkout.create:${buyerUserId ?? cart.cartToken ?? 'anonymous'}`;
  const { idempotencyKey, ...body } = input;
  const validMinutes = env().CHECKOUT_VALID_MINUTES;

  const stored = await db.transaction(async (tx): Promise<StoredResponse> => {
    const claim = await claimIdempotencyKey<StoredResponse>(tx, { scope, key: idempotencyKey, body: { ...body, lines: explicitLines ?? null } });
    if ('replay' in claim) return claim.replay;

    const fromCart = explicitLines ? { cartId: null, lines: explicitLines } : await cartLines(tx, cart);
    const full = await computeQuote({ db: tx, lines: fromCart.lines, choices: input.stores });
    const chosen = new Set(input.stores.map((s) => s.storeId));
    const quote: CheckoutQuote = { ...full, stores: full.stores.filter((s) => chosen.has(s.storeId)) };
    quote.total = quote.stores.reduce((s, st) => s + st.total, 0);
    const currencies = new Set(quote.stores.map((s) => s.currency));
    quote.mixedCurrencies = currencies.size > 1;
    quote.currency = currencies.size === 1 ? [...currencies][0]! : null;
    assertPayable(quote, input);

    // Reserve in a fixed order (variant id) so concurrent checkouts of overlapping carts never deadlock.
    const items = quote.stores.flatMap((s) => s.items).sort((a, b) => a.variantId.localeCompare(b.variantId));
    for (const item of items) {
      const held = await tx
        .update(productVariants)
        .set({ reserved: sql`${productVariants.reserved} + ${item.qty}` })
        .where(and(eq(productVariants.id, item.variantId), sql`${productVariants.stock} - ${productVariants.reserved} >= ${item.qty}`))
        .returning({ id: productVariants.id });
      if (!held.length) {
        const [now] = await tx.select({ available: sql<number>`${productVariants.stock} - ${productVariants.reserved}` }).from(productVariants).where(eq(productVariants.id, item.variantId));
        throw outOfStock([{ variantId: item.variantId, title: item.title, available: Math.max(0, Number(now?.available ?? 0)) }]);
      }
    }

    const expiresAt = new Date(Date.now() + validMinutes * 60_000);
    const accessToken = crypto.randomBytes(24).toString('hex');
    const [checkout] = await tx
      .insert(checkouts)
      .values({
        purpose: 'orders',
        buyerUserId,
        email: input.contact.email,
        amount: quote.total,
        currency: quote.currency!,
        provider: env().PAYMENTS_PROVIDER,
        expiresAt,
        accessToken,
      })
      .returning();

    const orderIds: string[] = [];
    for (const store of quote.stores) {
      const option = store.deliveryOptions.find((o) => o.id === store.deliveryOptionId)!;
      let couponId: string | null = null;
      if (store.coupon) {
        const used = await tx
          .update(coupons)
          .set({ usedCount: sql`${coupons.usedCount} + 1` })
          .where(
            and(
              eq(coupons.storeId, store.storeId),
              eq(coupons.code, store.coupon.code),
              eq(coupons.active, true),
              sql`(${coupons.usageLimit} IS NULL OR ${coupons.usedCount} < ${coupons.usageLimit})`,
              sql`(${coupons.expiresAt} IS NULL OR ${coupons.expiresAt} > now())`,
            ),
          )
          .returning({ id: coupons.id });
        if (!used.length) {
          const i = input.stores.findIndex((s) => s.storeId === store.storeId);
          throw new AppError('BAD_REQUEST', { key: 'coupon.exhausted', fields: { [`stores.${i}.couponCode`]: 'coupon.exhausted' } });
        }
        couponId = used[0]!.id;
      }
      const delivery: OrderDelivery = { optionId: option.id, kind: option.kind, label: option.label, details: option.details, price: option.fee };
      const [order] = await tx
        .insert(orders)
        .values({
          storeId: store.storeId,
          checkoutId: checkout!.id,
          buyerUserId,
          contact: { name: input.contact.name, email: input.contact.email, ...(input.contact.phone ? { phone: input.contact.phone } : {}) },
          locale: input.locale,
          currency: store.currency,
          subtotal: store.subtotal,
          discount: store.discount,
          shippingFee: store.shippingFee,
          total: store.total,
          delivery,
          shippingAddress: option.kind === 'pickup' ? null : (input.shippingAddress ?? null),
          couponId,
          couponCode: store.coupon?.code ?? null,
        })
        .returning({ id: orders.id, number: orders.number });
      orderIds.push(order!.id);
      await tx.insert(orderItems).values(
        store.items.map((i) => ({
          orderId: order!.id,
          productId: i.productId,
          variantId: i.variantId,
          title: i.title,
          options: i.options,
          unitPrice: i.unitPrice,
          qty: i.qty,
          lineTotal: i.lineTotal,
        })),
      );
      await tx.insert(stockReservations).values(store.items.map((i) => ({ variantId: i.variantId, orderId: order!.id, qty: i.qty, expiresAt })));
      await tx.insert(orderEvents).values({ orderId: order!.id, kind: 'placed', actor: buyerUserId ?? 'guest', data: { total: store.total, currency: store.currency } });
      await queueEmail(tx, {
        to: input.contact.email,
        template: 'order_placed',
        locale: input.locale,
        dedupeKey: `order_placed:${order!.id}`,
        data: {
          orderId: order!.id,
          number: order!.number,
          storeName: store.storeName,
          buyerName: input.contact.name,
          total: store.total,
          subtotal: store.subtotal,
          discount: store.discount,
          shippingFee: store.shippingFee,
          currency: store.currency,
          items: store.items.map((i) => ({ title: i.title, options: i.options, qty: i.qty, unitPrice: i.unitPrice })),
          delivery,
          accessToken,
          expiresAt: expiresAt.toISOString(),
        },
      });
    }
    if (fromCart.cartId) await removeCartLines(tx, fromCart.cartId, items.map((i) => i.variantId));

    const response: StoredResponse = {
      checkoutId: checkout!.id,
      accessToken,
      orderIds,
      total: quote.total,
      currency: quote.currency!,
      expiresAt: expiresAt.toISOString(),
    };
    await claim.save(response);
    return response;
  });

  // Expire on time even if no callback and no sweep ran yet; the sweep covers a lost enqueue.
  void enqueue('checkout.expire', { checkoutId: stored.checkoutId }, { startAfter: new Date(new Date(stored.expiresAt).getTime() + 60_000), singletonKey: `expire:${stored.checkoutId}` }).catch((err) =>
    logger.warn({ err, checkoutId: stored.checkoutId }, 'could not schedule checkout expiry; the sweep will'),
  );

  await kickOutbox();
  let paymentUrl: string | null = null;
  if (openPayment) {
    const payment = await createProviderPayment({ db, checkoutId: stored.checkoutId, returnPath: `/checkout/${stored.checkoutId}?t=${stored.accessToken}`, locale: input.locale });
    paymentUrl = payment.paymentUrl;
  }
  return { ...stored, expiresAt: new Date(stored.expiresAt), paymentUrl };
}
