import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { MediaStorage } from '../../adapters/media';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { checkouts, orders, storeMembers } from '../../db/schema';
import { generateReceipt } from './generate-receipt';
import { accessTokenMatches } from '../../auth/access-token';

export type ReceiptDownload = { filename: string; bytes: Buffer };

/**
 * The receipt PDF of a paid order, for the signed-in buyer, any member of the order's store, or a guest holding the
 * checkout's access token. Anything else — unknown order, not paid, not allowed — is null, so callers answer the same
 * 404 and never reveal that an order exists. A receipt not generated yet (its job still queued) is generated now.
 */
export async function getReceiptDownload({
  db,
  storage,
  orderId,
  user,
  token,
}: {
  db: Db;
  storage: MediaStorage;
  orderId: string;
  user: SessionUser | null;
  token: string | null;
}): Promise<ReceiptDownload | null> {
  if (!z.uuid().safeParse(orderId).success) return null;
  const [row] = await db
    .select({
      storeId: orders.storeId,
      number: orders.number,
      locale: orders.locale,
      buyerUserId: orders.buyerUserId,
      paidAt: orders.paidAt,
      receiptKey: orders.receiptKey,
      accessToken: checkouts.accessToken,
    })
    .from(orders)
    .innerJoin(checkouts, eq(checkouts.id, orders.checkoutId))
    .where(eq(orders.id, orderId));
  if (!row) return null;

  let allowed = token !== null && token.length > 0 && accessTokenMatches(token, row.accessToken);
  if (!allowed && user) {
    if (row.buyerUserId === user.id) allowed = true;
    else {
      const [member] = await db
        .select({ userId: storeMembers.userId })
        .from(storeMembers)
        .where(and(eq(storeMembers.storeId, row.storeId), eq(storeMembers.userId, user.id)))
        .limit(1);
      allowed = Boolean(member);
    }
  }
  if (!allowed || !row.paidAt) return null;

  let bytes = row.receiptKey ? await storage.getObject(row.receiptKey) : null;
  if (!bytes) {
    const { key } = await generateReceipt({ db, storage, orderId });
    bytes = await storage.getObject(key);
  }
  if (!bytes) return null;
  return { filename: `${row.locale === 'en' ? 'receipt' : 'comprobante'}-${row.number}.pdf`, bytes };
}
