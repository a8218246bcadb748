import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { conversations, messages, stores, users } from '../../db/schema';
import { queueEmail } from '../outbox/queue-email';
import { storeOwnerContact } from '../stores/store-owner';
import { buyerName } from './rows';

/** How long a message may stay unread before its recipient gets an email (the debounce of a burst). */
export const UNREAD_EMAIL_DELAY_S = 180;

/**
 * Emails the recipient about a conversation's unread messages, once per burst: nothing if they have read them in the
 * meantime (they were online), nothing if an email already went out after the oldest unread message. Idempotent
 * (the outbox dedupe key names that oldest message), so the job may run any number of times.
 */
export async function notifyUnread(opts: { db: DbOrTx; conversationId: string; recipient: 'buyer' | 'seller'; now?: Date }): Promise<{ sent: boolean; reason?: string }> {
  const { db, recipient } = opts;
  return db.transaction(async (tx) => {
    const [conv] = await tx.select().from(conversations).where(eq(conversations.id, opts.conversationId)).for('update');
    if (!conv) return { sent: false, reason: 'gone' };
    const unread = recipient === 'buyer' ? conv.buyerUnread : conv.sellerUnread;
    if (unread === 0) return { sent: false, reason: 'read' };
    const other = recipient === 'buyer' ? 'seller' : 'buyer';
    const recent = await tx
      .select({ id: messages.id, body: messages.body, attachments: messages.attachments, createdAt: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.conversationId, conv.id), eq(messages.sender, other)))
      .orderBy(desc(messages.createdAt))
      .limit(unread);
    const oldest = recent.at(-1);
    if (!oldest) return { sent: false, reason: 'read' };
    const emailedAt = recipient === 'buyer' ? conv.buyerEmailedAt : conv.sellerEmailedAt;
    if (emailedAt && emailedAt >= oldest.createdAt) return { sent: false, reason: 'already emailed' };
    const now = opts.now ?? new Date();
    if (now.getTime() - oldest.createdAt.getTime() < UNREAD_EMAIL_DELAY_S * 1000 - 1000) return { sent: false, reason: 'too early' };

    const [store] = await tx.select({ name: stores.name }).from(stores).where(eq(stores.id, conv.storeId));
    const [buyer] = await tx.select({ email: users.email, displayName: users.displayName, locale: users.locale }).from(users).where(eq(users.id, conv.buyerId));
    const to = recipient === 'buyer' ? (buyer ? { email: buyer.email, locale: buyer.locale } : null) : await storeOwnerContact(tx, conv.storeId);
    if (!to || !store || !buyer) return { sent: false, reason: 'no recipient' };
    const excerpts = recent
      .slice(0, 5)
      .reverse()
      .map((m) => {
        const t = m.body.replace(/\s+/g, ' ').trim();
        return t ? (t.length > 280 ? `${t.slice(0, 279)}…` : t) : '📷';
      });
    await queueEmail(tx, {
      to: to.email,
      template: 'chat_unread',
      locale: to.locale,
      dedupeKey: `chat_unread:${conv.id}:${recipient}:${oldest.id}`,
      data: {
        recipient,
        storeName: store.name,
        fromName: recipient === 'buyer' ? store.name : buyerName(buyer.displayName, buyer.email),
        count: unread,
        excerpts,
        path: recipient === 'buyer' ? `/mensajes/${conv.id}` : `/dashboard/inbox/${conv.storeId}/${conv.id}`,
      },
    });
    await tx
      .update(conversations)
      .set(recipient === 'buyer' ? { buyerEmailedAt: now } : { sellerEmailedAt: now })
      .where(eq(conversations.id, conv.id));
    return { sent: true };
  });
}
