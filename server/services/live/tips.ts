import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { paymentProvider } from '../../adapters/payments';
import type { SessionUser } from '../../auth/session';
import type { Db, DbOrTx } from '../../db/client';
import { checkouts, liveChatMessages, liveShows, liveTips, stores, users, type Checkout } from '../../db/schema';
import { env } from '../../env';
import { AppError, isAppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { publish } from '../../realtime/publish';
import { createProviderPayment } from '../checkout/create-provider-payment';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { chatDisplayName } from './chat';
import { showChannel } from './realtime';
import { ZTipInput } from './schemas';
import { chatPayload } from './shows';

export const tipReturnPath = (slug: string, checkoutId: string) => `/live/${slug}?propina=${checkoutId}`;

/**
 * A viewer tips the seller of a live show: a checkout of purpose 'tip' in the store's currency plus its live_tips
 * row, then the provider payment (Cregis). The money moves only when the payment is reported paid
 * (applyTipPayment, called by applyPaymentUpdate).
 */
export async function startTip({ db, user, input, locale = 'es' }: { db: Db; user: SessionUser; input: { showId: string; amount: number; message?: string }; locale?: 'es' | 'en' }) {
  const data = ZTipInput.parse(input);
  const { checkoutId, slug } = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ show: liveShows, currency: stores.currency })
      .from(liveShows)
      .innerJoin(stores, eq(stores.id, liveShows.storeId))
      .where(and(eq(liveShows.id, data.showId), eq(stores.status, 'active')));
    if (!row || row.show.status === 'cancelled') throw new AppError('NOT_FOUND', { key: 'notFound.show' });
    if (row.show.status !== 'live') throw new AppError('CONFLICT', { key: 'live.tipsOnlyLive', data: { reason: 'NOT_LIVE' } });
    const [member] = await tx.execute(sql`select 1 from store_members where store_id = ${row.show.storeId} and user_id = ${user.id}`);
    if (member) throw new AppError('BAD_REQUEST', { key: 'live.ownTip' });
    const [checkout] = await tx
      .insert(checkouts)
      .values({
        purpose: 'tip',
        buyerUserId: user.id,
        email: user.email,
        amount: data.amount,
        currency: row.currency.trim(),
        provider: paymentProvider().name,
        expiresAt: new Date(Date.now() + env().CHECKOUT_VALID_MINUTES * 60_000),
        accessToken: crypto.randomBytes(32).toString('hex'),
      })
      .returning({ id: checkouts.id });
    await tx.insert(liveTips).values({ showId: row.show.id, storeId: row.show.storeId, checkoutId: checkout!.id, userId: user.id, amount: data.amount, currency: row.currency.trim(), message: data.message });
    return { checkoutId: checkout!.id, slug: row.show.slug };
  });
  const { paymentUrl } = await createProviderPayment({ db, checkoutId, returnPath: tipReturnPath(slug, checkoutId), locale, description: 'Propina en vivo' });
  return { checkoutId, paymentUrl };
}

/**
 * Called by applyPaymentUpdate inside its transaction when a 'tip' checkout is paid in full: the ledger transaction of
 * kind 'tip' (clearing → the store's available balance; money held earlier as unallocated is that same money, any
 * excess stays unallocated), the tip marked paid, and its line in the show's chat. Idempotent per checkout.
 */
export async function applyTipPayment(db: DbOrTx, checkout: Checkout, paid: number): Promise<void> {
  const [tip] = await db.select().from(liveTips).where(eq(liveTips.checkoutId, checkout.id)).for('update');
  // A paid tip checkout without its tip row would lose the money silently: fail the transaction.
  if (!tip) throw new Error(`tip checkout ${checkout.id} has no live_tips row`);
  const held = checkout.paidAmount;
  const excess = paid - checkout.amount;
  await postLedgerTransaction(db, {
    kind: 'tip',
    refType: 'checkout',
    refId: checkout.id,
    currency: checkout.currency,
    memo: 'Propina en vivo',
    lines: [
      { owner: 'platform', kind: 'clearing', amount: paid - held },
      { owner: 'platform', kind: 'unallocated', amount: held - excess },
      { owner: { storeId: tip.storeId }, kind: 'seller_available', amount: -checkout.amount },
    ],
  });
  if (tip.paidAt) return;
  const [profile] = tip.userId ? await db.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, tip.userId)) : [];
  const [msg] = await db
    .insert(liveChatMessages)
    .values({
      showId: tip.showId,
      userId: tip.userId,
      authorName: profile ? chatDisplayName({ email: profile.email }, profile.name) : 'Alguien',
      kind: 'tip',
      body: tip.message,
      tipAmount: tip.amount,
      currency: tip.currency,
    })
    .returning();
  await db.update(liveTips).set({ paidAt: sql`now()`, chatMessageId: msg!.id }).where(eq(liveTips.id, tip.id));
  await publish(db, { channel: showChannel(tip.showId), kind: 'chat', payload: chatPayload(msg!) });
}

/**
 * Called by applyPaymentUpdate inside its transaction when the provider reports a paid 'tip' checkout refunded: the
 * tip's posting is reversed by one ledger transaction of kind 'tip_refund' (the store's seller_available → clearing,
 * the tip's amount; any excess paid stays unallocated, as with order refunds). Idempotent per checkout (UNIQUE kind +
 * reference). Like an order refund, it never takes money the seller no longer has: when the store's available balance
 * does not cover the tip (already paid out) the posting fails with CONFLICT / INSUFFICIENT_FUNDS, the whole report is
 * rolled back (the checkout stays paid) and the stored payment event is retried later.
 */
export async function applyTipRefund(db: DbOrTx, checkout: Checkout): Promise<void> {
  const [tip] = await db.select().from(liveTips).where(eq(liveTips.checkoutId, checkout.id)).for('update');
  if (!tip) throw new Error(`tip checkout ${checkout.id} has no live_tips row`);
  if (!tip.paidAt) return; // never credited: nothing to reverse
  try {
    await postLedgerTransaction(db, {
      kind: 'tip_refund',
      refType: 'checkout',
      refId: checkout.id,
      currency: checkout.currency,
      memo: 'Propina en vivo reembolsada',
      lines: [
        { owner: { storeId: tip.storeId }, kind: 'seller_available', amount: tip.amount },
        { owner: 'platform', kind: 'clearing', amount: -tip.amount },
      ],
    });
  } catch (err) {
    if (isAppError(err) && err.data?.reason === 'INSUFFICIENT_FUNDS') {
      logger.warn({ checkoutId: checkout.id, storeId: tip.storeId, amount: tip.amount }, 'tip refund not reversed yet: the store\'s available balance does not cover it');
    }
    throw err;
  }
}

/** The tip's state for the viewer who paid it (the payment page sends them back with ?propina=<checkout>). */
export async function getTipStatus({ db, userId, checkoutId }: { db: Db; userId: string; checkoutId: string }) {
  const [row] = await db
    .select({ status: checkouts.status, paidAt: liveTips.paidAt, amount: liveTips.amount, currency: liveTips.currency })
    .from(liveTips)
    .innerJoin(checkouts, eq(checkouts.id, liveTips.checkoutId))
    .where(and(eq(liveTips.checkoutId, checkoutId), eq(liveTips.userId, userId)));
  if (!row) throw new AppError('NOT_FOUND', { key: 'notFound.tip' });
  return { status: row.status, paid: !!row.paidAt, amount: row.amount, currency: row.currency.trim() };
}
