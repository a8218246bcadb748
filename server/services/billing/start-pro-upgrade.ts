import crypto from 'node:crypto';
import { and, desc, eq, gt } from 'drizzle-orm';
import { paymentProvider } from '../../adapters/payments';
import type { Db } from '../../db/client';
import { checkouts, plans, storeMembers, stores, subscriptions, users } from '../../db/schema';
import { env } from '../../env';
import { AppError } from '../../errors/app-error';
import { createProviderPayment } from '../checkout/create-provider-payment';
import { lockOwner } from '../plans/get-plan-usage';

/** A pending payment this close to its expiry is not offered again: the payer would not finish in time. */
const REUSE_MARGIN_MS = 5 * 60_000;

export const planReturnPath = (checkoutId: string) => `/dashboard/plan?pago=${checkoutId}`;

/**
 * Starts paying one month of Pro (a first upgrade or a renewal: activation starts the new period where the current
 * one ends). Opens a 'subscription' checkout plus its pending subscription row, then the provider payment, and
 * answers the URL to send the payer to. A payment still open for this user is answered again instead of opening a
 * second one, so a double click never charges twice.
 */
export async function startProUpgrade({
  db,
  userId,
  locale = 'es',
  requireKyc = env().PRO_REQUIRES_KYC,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  locale?: 'es' | 'en';
  /** PRO_REQUIRES_KYC: Pro only for users with at least one owned store whose KYC is approved. */
  requireKyc?: boolean;
  now?: Date;
}): Promise<{ checkoutId: string; paymentUrl: string }> {
  if (requireKyc) {
    const [verified] = await db
      .select({ id: stores.id })
      .from(storeMembers)
      .innerJoin(stores, eq(stores.id, storeMembers.storeId))
      .where(and(eq(storeMembers.userId, userId), eq(storeMembers.role, 'owner'), eq(stores.kycStatus, 'approved')))
      .limit(1);
    if (!verified) {
      throw new AppError('FORBIDDEN', {
        key: 'billing.kycRequired',
        data: { reason: 'KYC_REQUIRED' },
      });
    }
  }

  const checkoutId = await db.transaction(async (tx) => {
    // One upgrade at a time per user: the lock makes "is a payment already open?" and the insert one step.
    await lockOwner({ db: tx, ownerId: userId });
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError('NOT_FOUND', { key: 'notFound.user' });
    const [open] = await tx
      .select({ id: checkouts.id })
      .from(subscriptions)
      .innerJoin(checkouts, eq(checkouts.id, subscriptions.checkoutId))
      .where(
        and(
          eq(subscriptions.userId, userId),
          eq(subscriptions.status, 'pending'),
          eq(checkouts.status, 'pending'),
          gt(checkouts.expiresAt, new Date(now.getTime() + REUSE_MARGIN_MS)),
        ),
      )
      .orderBy(desc(checkouts.createdAt))
      .limit(1);
    if (open) return open.id;

    const [pro] = await tx.select().from(plans).where(eq(plans.code, 'pro'));
    if (!pro) throw new Error('plan pro missing from plans table');
    const [checkout] = await tx
      .insert(checkouts)
      .values({
        purpose: 'subscription',
        buyerUserId: userId,
        email: user.email,
        amount: pro.monthlyPrice,
        currency: pro.currency,
        provider: paymentProvider().name,
        expiresAt: new Date(now.getTime() + env().CHECKOUT_VALID_MINUTES * 60_000),
        accessToken: crypto.randomBytes(32).toString('hex'),
      })
      .returning({ id: checkouts.id });
    await tx.insert(subscriptions).values({
      userId,
      planCode: 'pro',
      status: 'pending',
      checkoutId: checkout!.id,
      amount: pro.monthlyPrice,
      currency: pro.currency,
    });
    return checkout!.id;
  });

  // Outside the transaction: the provider call must not hold the user lock. Also reached for a reused checkout whose
  // provider payment was never opened (a crash between commit and this call): createProviderPayment is idempotent.
  const { paymentUrl } = await createProviderPayment({
    db,
    checkoutId,
    returnPath: planReturnPath(checkoutId),
    locale,
    description: 'VITA Pro: 1 mes',
  });
  return { checkoutId, paymentUrl };
}
