import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { conversations, orders, products, storeMembers, stores, type MessageAttachment, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { publishMany } from '../../realtime/publish';
import { parseInput } from '../ai/suggest-replies';
import { assertReadyMedia } from '../media/assert-ready-media';
import { defaultChatBackground, type ChatBackground } from './background';
import { emitChatMessage } from './hooks';
import { postMessage, type PostMessageResult } from './post-message';
import { consumeMessageQuota } from './rate-limit';
import { defaultMediaUrl, loadRowBoth, type MediaUrl } from './rows';
import {
  ZSellerReplyInput,
  ZSendMessageInput,
  ZStartConversationInput,
  type TSellerReplyInput,
  type TSendMessageInput,
  type TStartConversationInput,
} from './schemas';
import { buyerChannel, storeChannel, type ConversationRow, type MessageDTO } from './types';

type Deps = {
  db: Db;
  mediaUrl?: MediaUrl;
  background?: ChatBackground;
  /** The per-user message quota; the delivery benchmark replaces it (it sends far faster than a person). */
  quota?: (db: Db, userId: string) => Promise<void>;
};

async function attachmentsOf(db: Db, ids: string[], userId: string, storeId: string | null): Promise<MessageAttachment[]> {
  const rows = await assertReadyMedia({ db, mediaIds: ids, userId, storeId, field: 'attachments' });
  return rows.map((m) => ({ mediaId: m.id, width: m.width, height: m.height }));
}

function after(deps: Deps, r: PostMessageResult, store: { id: string; name: string }, buyerId: string) {
  if (r.duplicate) return;
  const bg = deps.background ?? defaultChatBackground(deps.db);
  const fromBuyer = r.message.sender === 'buyer';
  if (fromBuyer && r.message.body) bg.afterBuyerMessage(r.message.id, r.message.conversationId);
  bg.afterMessage(r.message.conversationId, fromBuyer ? 'seller' : 'buyer');
  emitChatMessage({ message: r.message, storeId: store.id, storeName: store.name, buyerId, recipient: fromBuyer ? 'store' : 'buyer' });
}

/**
 * A buyer writes to a store, from a product page, the store page or one of their orders. One thread per buyer and
 * store: an existing one is continued and takes the new product/order as its context.
 */
export async function startConversation(deps: Deps & { userId: string; input: TStartConversationInput }): Promise<{ conversation: ConversationRow; message: MessageDTO }> {
  const { db, userId } = deps;
  const input = parseInput(ZStartConversationInput, deps.input);
  const mediaUrl = deps.mediaUrl ?? defaultMediaUrl;
  const [store] = await db.select({ id: stores.id, name: stores.name, status: stores.status }).from(stores).where(eq(stores.id, input.storeId));
  if (!store || store.status !== 'active') throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  const [member] = await db.select({ userId: storeMembers.userId }).from(storeMembers).where(and(eq(storeMembers.storeId, store.id), eq(storeMembers.userId, userId)));
  if (member) throw new AppError('BAD_REQUEST', { key: 'chat.ownStore', fields: { storeId: 'chat.ownStoreField' } });
  if (input.productId) {
    const [p] = await db.select({ id: products.id }).from(products).where(and(eq(products.id, input.productId), eq(products.storeId, store.id), eq(products.status, 'active')));
    if (!p) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
  }
  if (input.orderId) {
    const [o] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.id, input.orderId), eq(orders.storeId, store.id), eq(orders.buyerUserId, userId)));
    if (!o) throw new AppError('NOT_FOUND', { key: 'notFound.order' });
  }
  await (deps.quota ?? consumeMessageQuota)(db, userId);
  const attachments = await attachmentsOf(db, input.attachments, userId, null);
  const result = await db.transaction(async (tx) => {
    const [conv] = await tx
      .insert(conversations)
      .values({ storeId: store.id, buyerId: userId, productId: input.productId ?? null, orderId: input.orderId ?? null })
      .onConflictDoUpdate({
        target: [conversations.storeId, conversations.buyerId],
        set: {
          productId: input.productId ? input.productId : sql`${conversations.productId}`,
          orderId: input.orderId ? input.orderId : input.productId ? null : sql`${conversations.orderId}`,
        },
      })
      .returning({ id: conversations.id });
    return postMessage(tx, {
      conversationId: conv!.id,
      sender: 'buyer',
      senderUserId: userId,
      body: input.body,
      attachments,
      clientId: input.clientId,
      productId: input.productId ?? null,
      orderId: input.orderId ?? null,
      mediaUrl,
    });
  });
  after(deps, result, store, userId);
  return { conversation: result.buyerRow, message: result.message };
}

async function buyerConversation(db: Db, userId: string, conversationId: string) {
  const [conv] = await db.select().from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.buyerId, userId)));
  if (!conv) throw new AppError('NOT_FOUND', { key: 'notFound.conversation' });
  return conv;
}

export async function sellerConversation(db: Db, storeId: string, conversationId: string) {
  const [conv] = await db.select().from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.storeId, storeId)));
  if (!conv) throw new AppError('NOT_FOUND', { key: 'notFound.conversation' });
  return conv;
}

/** A buyer writes in one of their conversations. */
export async function sendBuyerMessage(deps: Deps & { userId: string; input: TSendMessageInput }): Promise<{ conversation: ConversationRow; message: MessageDTO }> {
  const { db, userId } = deps;
  const input = parseInput(ZSendMessageInput, deps.input);
  const conv = await buyerConversation(db, userId, input.conversationId);
  const [store] = await db.select({ id: stores.id, name: stores.name, status: stores.status }).from(stores).where(eq(stores.id, conv.storeId));
  if (!store || store.status !== 'active') throw new AppError('FORBIDDEN', { key: 'chat.storeNotReceiving' });
  await (deps.quota ?? consumeMessageQuota)(db, userId);
  const attachments = await attachmentsOf(db, input.attachments, userId, null);
  const result = await db.transaction((tx) =>
    postMessage(tx, { conversationId: conv.id, sender: 'buyer', senderUserId: userId, body: input.body, attachments, clientId: input.clientId, mediaUrl: deps.mediaUrl ?? defaultMediaUrl }),
  );
  after(deps, result, store, userId);
  return { conversation: result.buyerRow, message: result.message };
}

/** A store member answers (typed, or from an AI suggestion chip: sent as is or edited). Never sent by the AI itself. */
export async function sendSellerReply(deps: Deps & { store: Store; userId: string; input: TSellerReplyInput }): Promise<{ conversation: ConversationRow; message: MessageDTO }> {
  const { db, store, userId } = deps;
  const input = parseInput(ZSellerReplyInput, deps.input);
  const conv = await sellerConversation(db, store.id, input.conversationId);
  await (deps.quota ?? consumeMessageQuota)(db, userId);
  const attachments = await attachmentsOf(db, input.attachments, userId, store.id);
  const result = await db.transaction((tx) =>
    postMessage(tx, {
      conversationId: conv.id,
      sender: 'seller',
      senderUserId: userId,
      body: input.body,
      attachments,
      clientId: input.clientId,
      suggestion: input.suggestionId ? { id: input.suggestionId, index: input.suggestionIndex ?? null } : null,
      mediaUrl: deps.mediaUrl ?? defaultMediaUrl,
    }),
  );
  after(deps, result, store, conv.buyerId);
  return { conversation: result.sellerRow, message: result.message };
}

/** The viewer has seen the thread: their unread counter goes to zero and the other side's screens learn it. */
export async function markRead(deps: { db: Db; conversationId: string; viewer: 'buyer' | 'seller'; userId?: string; storeId?: string; mediaUrl?: MediaUrl }): Promise<{ unread: 0 }> {
  const { db, viewer } = deps;
  const conv = viewer === 'buyer' ? await buyerConversation(db, deps.userId!, deps.conversationId) : await sellerConversation(db, deps.storeId!, deps.conversationId);
  if ((viewer === 'buyer' ? conv.buyerUnread : conv.sellerUnread) === 0) return { unread: 0 };
  await db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set(viewer === 'buyer' ? { buyerUnread: 0 } : { sellerUnread: 0 })
      .where(eq(conversations.id, conv.id));
    const rows = await loadRowBoth(tx, conv.id, deps.mediaUrl ?? defaultMediaUrl);
    await publishMany(tx, [
      { channel: storeChannel(conv.storeId), kind: 'chat', payload: { type: 'conversation', conversation: rows.seller } },
      { channel: buyerChannel(conv.buyerId), kind: 'chat', payload: { type: 'conversation', conversation: rows.buyer } },
    ]);
  });
  return { unread: 0 };
}

/** Seller marks a thread done (out of the working list) or open again; a new buyer message reopens it by itself. */
export async function setConversationStatus(deps: { db: Db; store: Store; conversationId: string; status: 'open' | 'done'; mediaUrl?: MediaUrl }): Promise<ConversationRow> {
  const { db, store } = deps;
  const conv = await sellerConversation(db, store.id, deps.conversationId);
  return db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set({ status: deps.status, ...(deps.status === 'done' ? { sellerUnread: 0 } : {}) })
      .where(eq(conversations.id, conv.id));
    const rows = await loadRowBoth(tx, conv.id, deps.mediaUrl ?? defaultMediaUrl);
    await publishMany(tx, [{ channel: storeChannel(conv.storeId), kind: 'chat', payload: { type: 'conversation', conversation: rows.seller } }]);
    return rows.seller;
  });
}
