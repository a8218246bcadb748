import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { aiSuggestions, conversations, messages, type Conversation, type MessageAttachment } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { publishMany } from '../../realtime/publish';
import { loadRowBoth, selectMessages, type MediaUrl } from './rows';
import { buyerChannel, storeChannel, type ConversationRow, type MessageDTO } from './types';

export type PostMessageResult = { message: MessageDTO; buyerRow: ConversationRow; sellerRow: ConversationRow; duplicate: boolean };

/** What the list shows as the last message. */
export function previewOf(body: string, attachments: number): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text) return text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return attachments > 1 ? `📷 ${attachments} fotos` : '📷 Foto';
}

/**
 * Writes one message inside `tx` (the caller's transaction): locks the conversation row (messages of one thread are
 * ordered and counted one at a time), returns the earlier message for a repeated clientId, updates the list fields
 * and unread counters, and publishes the realtime events the inbox and the buyer's screens read.
 */
export async function postMessage(
  tx: DbOrTx,
  opts: {
    conversationId: string;
    sender: 'buyer' | 'seller';
    senderUserId: string;
    body: string;
    attachments: MessageAttachment[];
    clientId: string;
    productId?: string | null;
    orderId?: string | null;
    suggestion?: { id: string; index: number | null } | null;
    mediaUrl: MediaUrl;
  },
): Promise<PostMessageResult> {
  const [conv] = (await tx.select().from(conversations).where(eq(conversations.id, opts.conversationId)).for('update')) as Conversation[];
  if (!conv) throw new AppError('NOT_FOUND', { key: 'notFound.conversation' });

  const [existing] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conv.id), eq(messages.clientId, opts.clientId)));
  if (existing) {
    const [message] = await selectMessages(tx, sql`id = ${existing.id}`, sql``, opts.mediaUrl);
    const rows = await loadRowBoth(tx, conv.id, opts.mediaUrl);
    return { message: message!, buyerRow: rows.buyer, sellerRow: rows.seller, duplicate: true };
  }

  if (opts.suggestion) {
    const [s] = await tx
      .select({ id: aiSuggestions.id })
      .from(aiSuggestions)
      .where(and(eq(aiSuggestions.id, opts.suggestion.id), eq(aiSuggestions.conversationId, conv.id)));
    if (!s) throw new AppError('BAD_REQUEST', { key: 'chat.suggestionMismatch', fields: { suggestionId: 'chat.suggestionInvalidField' } });
    await tx.update(aiSuggestions).set({ usedIndex: opts.suggestion.index }).where(eq(aiSuggestions.id, s.id));
  }

  const [inserted] = await tx
    .insert(messages)
    .values({
      conversationId: conv.id,
      storeId: conv.storeId,
      sender: opts.sender,
      senderUserId: opts.senderUserId,
      body: opts.body,
      attachments: opts.attachments,
      productId: opts.productId ?? conv.productId,
      orderId: opts.orderId ?? conv.orderId,
      clientId: opts.clientId,
      suggestionId: opts.suggestion?.id ?? null,
      // After the row lock: a later message of the thread always has a later time.
      createdAt: sql`clock_timestamp()`,
    })
    .returning({ id: messages.id, createdAt: messages.createdAt });

  const fromBuyer = opts.sender === 'buyer';
  await tx
    .update(conversations)
    .set({
      lastMessageAt: inserted!.createdAt,
      lastMessagePreview: previewOf(opts.body, opts.attachments.length),
      lastSender: opts.sender,
      messageCount: sql`${conversations.messageCount} + 1`,
      // Whoever writes has read the thread; the other side has one more unread.
      buyerUnread: fromBuyer ? 0 : sql`${conversations.buyerUnread} + 1`,
      sellerUnread: fromBuyer ? sql`${conversations.sellerUnread} + 1` : 0,
      // A buyer writing again reopens a thread the seller had marked done.
      status: fromBuyer ? 'open' : conv.status,
    })
    .where(eq(conversations.id, conv.id));

  const [message] = await selectMessages(tx, sql`id = ${inserted!.id}`, sql``, opts.mediaUrl);
  const rows = await loadRowBoth(tx, conv.id, opts.mediaUrl);
  await publishMany(tx, [
    { channel: storeChannel(conv.storeId), kind: 'chat', payload: { type: 'message', conversation: rows.seller, message } },
    { channel: buyerChannel(conv.buyerId), kind: 'chat', payload: { type: 'message', conversation: rows.buyer, message } },
  ]);
  return { message: message!, buyerRow: rows.buyer, sellerRow: rows.seller, duplicate: false };
}
