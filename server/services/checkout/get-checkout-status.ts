import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { checkouts, orders, stores, type CheckoutStatus, type OrderStatus } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { accessTokenMatches } from '../../auth/access-token';

export type CheckoutStatusView = {
  checkoutId: string;
  status: CheckoutStatus;
  amount: number;
  paidAmount: number;
  currency: string;
  paymentUrl: string | null;
  expiresAt: Date;
  orders: { id: string; number: number; storeName: string; storeSlug: string; status: OrderStatus; total: number; currency: string }[];
};

/** The buyer's view of one payment: the signed-in buyer who made it, or whoever holds its access token. */
export async function getCheckoutStatus({
  db,
  checkoutId,
  token,
  userId,
}: {
  db: DbOrTx;
  checkoutId: string;
  token?: string;
  userId: string | null;
}): Promise<CheckoutStatusView> {
  const [checkout] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
  const allowed = checkout && ((userId !== null && checkout.buyerUserId === userId) || accessTokenMatches(token, checkout.accessToken));
  if (!checkout || !allowed) throw new AppError('NOT_FOUND', { key: 'notFound.payment' });
  const rows = await db
    .select({ id: orders.id, number: orders.number, storeName: stores.name, storeSlug: stores.slug, status: orders.status, total: orders.total, currency: orders.currency })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(eq(orders.checkoutId, checkout.id))
    .orderBy(orders.number);
  return {
    checkoutId: checkout.id,
    status: checkout.status,
    amount: checkout.amount,
    paidAmount: checkout.paidAmount,
    currency: checkout.currency,
    paymentUrl: ['pending', 'partially_paid'].includes(checkout.status) ? checkout.paymentUrl : null,
    expiresAt: checkout.expiresAt,
    orders: rows.map((r) => ({ ...r, currency: r.currency.trim() })),
  };
}
