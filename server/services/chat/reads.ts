import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { conversations, products, type Store } from '../../db/schema';
import { parseInput } from '../ai/suggest-replies';
import { channelHead } from '../../realtime/publish';
import { latestSummary, suggestionsOf } from './ai';
import { sellerConversation } from './messaging';
import { defaultMediaUrl, selectMessages, selectRows, type MediaUrl } from './rows';
import { ZInboxListInput, ZMessagesPageInput, type TInboxListInput } from './schemas';
import { buyerChannel, storeChannel, type ConversationRow, type MessageDTO, type SuggestionDTO, type SummaryDTO } from './types';
import { AppError } from '../../errors/app-error';

/**
 * Lists come with the realtime channel's head: the page subscribes with `lastEventId: String(cursor)`, so an event
 * committed between this read and the subscription is still delivered (server/realtime).
 */
export type Cursor = { channel: string; cursor: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listBuyerConversations(opts: { db: Db; userId: string; mediaUrl?: MediaUrl }): Promise<{ items: ConversationRow[]; unreadTotal: number } & Cursor> {
  const channel = buyerChannel(opts.userId);
  const cursor = await channelHead(opts.db, channel);
  const items = await selectRows(opts.db, sql`c.buyer_id = ${opts.userId}`, 'buyer', opts.mediaUrl ?? defaultMediaUrl, sql`ORDER BY c.last_message_at DESC LIMIT 100`);
  return { items, unreadTotal: items.reduce((s, c) => s + c.unread, 0), channel, cursor };
}

/** Inbox list: filters (unread / unanswered / done / all open), by product, search by buyer or message text. */
export async function listInbox(opts: { db: Db; store: Store; input: TInboxListInput; mediaUrl?: MediaUrl }): Promise<{ items: ConversationRow[]; nextBefore: string | null; counts: InboxCounts } & Cursor> {
  const { db, store } = opts;
  const input = parseInput(ZInboxListInput, opts.input);
  const channel = storeChannel(store.id);
  const cursor = await channelHead(db, channel);
  const where = [sql`c.store_id = ${store.id}`];
  if (input.filter === 'unread') where.push(sql`c.seller_unread > 0`);
  if (input.filter === 'unanswered') where.push(sql`c.last_sender = 'buyer' AND c.status = 'open'`);
  if (input.filter === 'done') where.push(sql`c.status = 'done'`);
  if (input.filter === 'all') where.push(sql`c.status = 'open'`);
  if (input.productId) where.push(sql`(c.product_id = ${input.productId} OR EXISTS (SELECT 1 FROM messages pm WHERE pm.conversation_id = c.id AND pm.product_id = ${input.productId}))`);
  if (input.q) {
    const like = `%${escapeLike(input.q)}%`;
    where.push(sql`(u.email ILIKE ${like} OR u.display_name ILIKE ${like} OR EXISTS (SELECT 1 FROM messages sm WHERE sm.conversation_id = c.id AND sm.body ILIKE ${like}))`);
  }
  if (input.before) where.push(sql`c.last_message_at < ${input.before}`);
  const limit = input.limit ?? 30;
  const items = await selectRows(db, sql.join(where, sql` AND `), 'seller', opts.mediaUrl ?? defaultMediaUrl, sql`ORDER BY c.last_message_at DESC LIMIT ${limit + 1}`);
  const page = items.slice(0, limit);
  return { items: page, nextBefore: items.length > limit ? page.at(-1)!.lastMessageAt : null, counts: await inboxCounts(db, store.id), channel, cursor };
}

export type InboxCounts = { open: number; unread: number; unanswered: number; unreadMessages: number };

export async function inboxCounts(db: Db, storeId: string): Promise<InboxCounts> {
  const [r] = (await db.execute(sql`
    SELECT count(*) FILTER (WHERE status = 'open')::int AS open,
      count(*) FILTER (WHERE seller_unread > 0)::int AS unread,
      count(*) FILTER (WHERE last_sender = 'buyer' AND status = 'open')::int AS unanswered,
      coalesce(sum(seller_unread), 0)::int AS unread_messages
    FROM conversations WHERE store_id = ${storeId}`)) as unknown as Array<{ open: number; unread: number; unanswered: number; unread_messages: number }>;
  return { open: r?.open ?? 0, unread: r?.unread ?? 0, unanswered: r?.unanswered ?? 0, unreadMessages: r?.unread_messages ?? 0 };
}

/** Products that have conversations, for the inbox's "by product" filter. */
export async function inboxProducts(db: Db, storeId: string): Promise<Array<{ id: string; title: string; conversations: number }>> {
  const rows = (await db.execute(sql`
    SELECT p.id, p.title, count(DISTINCT c.id)::int AS conversations
    FROM conversations c JOIN messages m ON m.conversation_id = c.id JOIN products p ON p.id = coalesce(m.product_id, c.product_id)
    WHERE c.store_id = ${storeId}
    GROUP BY p.id, p.title ORDER BY conversations DESC, p.title LIMIT 50`)) as unknown as Array<{ id: string; title: string; conversations: number }>;
  return rows;
}

async function messagesPage(db: Db, conversationId: string, before: string | undefined, limit: number, mediaUrl: MediaUrl): Promise<{ messages: MessageDTO[]; hasMore: boolean }> {
  const rows = await selectMessages(
    db,
    before ? sql`conversation_id = ${conversationId} AND created_at < ${before}` : sql`conversation_id = ${conversationId}`,
    sql`ORDER BY created_at DESC LIMIT ${limit + 1}`,
    mediaUrl,
  );
  return { messages: rows.slice(0, limit).reverse(), hasMore: rows.length > limit };
}

export type BuyerThread = { conversation: ConversationRow; messages: MessageDTO[]; hasMore: boolean } & Cursor;

export async function getBuyerThread(opts: { db: Db; userId: string; conversationId: string; before?: string; limit?: number; mediaUrl?: MediaUrl }): Promise<BuyerThread> {
  const input = parseInput(ZMessagesPageInput, { conversationId: opts.conversationId, before: opts.before, limit: opts.limit });
  const mediaUrl = opts.mediaUrl ?? defaultMediaUrl;
  const channel = buyerChannel(opts.userId);
  const cursor = await channelHead(opts.db, channel);
  const [conversation] = await selectRows(opts.db, sql`c.id = ${input.conversationId} AND c.buyer_id = ${opts.userId}`, 'buyer', mediaUrl);
  if (!conversation) throw new AppError('NOT_FOUND', { key: 'notFound.conversation' });
  const page = await messagesPage(opts.db, conversation.id, input.before, input.limit ?? 50, mediaUrl);
  return { conversation, ...page, channel, cursor };
}

export type SellerThread = BuyerThread & { suggestions: SuggestionDTO[]; summary: SummaryDTO | null; buyerOrders: BuyerOrderLine[] };
export type BuyerOrderLine = { id: string; number: number; status: string; total: number; currency: string; createdAt: string };

export async function getSellerThread(opts: { db: Db; store: Store; conversationId: string; before?: string; limit?: number; mediaUrl?: MediaUrl }): Promise<SellerThread> {
  const input = parseInput(ZMessagesPageInput, { conversationId: opts.conversationId, before: opts.before, limit: opts.limit });
  const mediaUrl = opts.mediaUrl ?? defaultMediaUrl;
  const conv = await sellerConversation(opts.db, opts.store.id, input.conversationId);
  const channel = storeChannel(opts.store.id);
  const cursor = await channelHead(opts.db, channel);
  const [conversation] = await selectRows(opts.db, sql`c.id = ${conv.id}`, 'seller', mediaUrl);
  const page = await messagesPage(opts.db, conv.id, input.before, input.limit ?? 50, mediaUrl);
  const orderRows = (await opts.db.execute(sql`
    SELECT id, number, status, total, currency, created_at FROM orders
    WHERE store_id = ${opts.store.id} AND buyer_user_id = ${conv.buyerId} AND status <> 'expired'
    ORDER BY created_at DESC LIMIT 10`)) as unknown as Array<{ id: string; number: string | number; status: string; total: string | number; currency: string; created_at: Date | string }>;
  return {
    conversation: conversation!,
    ...page,
    channel,
    cursor,
    suggestions: await suggestionsOf(opts.db, conv.id),
    summary: await latestSummary(opts.db, conv.id),
    buyerOrders: orderRows.map((o) => ({ id: o.id, number: Number(o.number), status: o.status, total: Number(o.total), currency: o.currency, createdAt: new Date(o.created_at).toISOString() })),
  };
}

/** The badge counts: a buyer's unread messages across stores. */
export async function buyerUnreadTotal(db: Db, userId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`coalesce(sum(${conversations.buyerUnread}), 0)::int` }).from(conversations).where(eq(conversations.buyerId, userId));
  return r?.n ?? 0;
}

/** Whether a product id is one of the store's (for the filter input). */
export async function isStoreProduct(db: Db, storeId: string, productId: string): Promise<boolean> {
  const [p] = await db.select({ id: products.id }).from(products).where(and(eq(products.id, productId), eq(products.storeId, storeId)));
  return Boolean(p);
}
