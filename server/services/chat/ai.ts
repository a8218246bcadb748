import { and, desc, eq, lt } from 'drizzle-orm';
import type { LlmProvider } from '../../adapters/llm';
import type { Locale } from '../../adapters/llm/types';
import type { Db } from '../../db/client';
import { aiSuggestions, aiSummaries, conversations, messages, orders, users, type AiSuggestion, type AiSummary } from '../../db/schema';
import { logger } from '../../log/logger';
import { publish } from '../../realtime/publish';
import { suggestReplies } from '../ai/suggest-replies';
import { summarizeConversation } from '../ai/summarize-conversation';
import { loadChatFacts } from './store-facts';
import { storeChannel, type SuggestionDTO, type SummaryDTO } from './types';

type Llm = { provider: LlmProvider | null; timeoutMs: number };

/** A summary is made by itself once a thread has this many messages, and again every AUTO_SUMMARY_EVERY more. */
export const AUTO_SUMMARY_AT = 12;
export const AUTO_SUMMARY_EVERY = 10;

export function toSuggestionDTO(s: AiSuggestion): SuggestionDTO {
  return {
    id: s.id,
    messageId: s.messageId,
    conversationId: s.conversationId,
    replies: s.suggestions,
    intent: s.intent,
    lang: s.lang,
    provider: s.provider,
    model: s.model,
    latencyMs: s.latencyMs,
    usedIndex: s.usedIndex,
    createdAt: s.createdAt.toISOString(),
  };
}

export function toSummaryDTO(s: AiSummary): SummaryDTO {
  return {
    id: s.id,
    conversationId: s.conversationId,
    ...s.summary,
    messageCount: s.messageCount,
    trigger: s.trigger,
    provider: s.provider,
    model: s.model,
    createdAt: s.createdAt.toISOString(),
  };
}

async function localeOf(db: Db, userId: string): Promise<Locale> {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return u?.locale?.startsWith('en') ? 'en' : 'es';
}

async function history(db: Db, conversationId: string, before?: Date) {
  const rows = await db
    .select({ sender: messages.sender, body: messages.body, createdAt: messages.createdAt })
    .from(messages)
    .where(before ? and(eq(messages.conversationId, conversationId), lt(messages.createdAt, before)) : eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.createdAt))
    .limit(40);
  return rows
    .reverse()
    .filter((m) => m.body)
    .map((m) => ({ from: m.sender, text: m.body, at: m.createdAt.toISOString() }));
}

/**
 * Up to three suggested replies to a buyer message, grounded in the store's current data, stored with provider,
 * model, latency and tokens, and pushed to the store's inbox. Runs off the send path (after commit, and again from
 * the `chat.suggest` job if the process died first); idempotent per message. Never sends anything to the buyer.
 */
export async function generateSuggestions(opts: { db: Db; messageId: string; llm?: Llm; appUrl?: string }): Promise<SuggestionDTO | null> {
  const { db } = opts;
  const [done] = await db.select().from(aiSuggestions).where(eq(aiSuggestions.messageId, opts.messageId));
  if (done) return toSuggestionDTO(done);
  const [msg] = await db.select().from(messages).where(eq(messages.id, opts.messageId));
  if (!msg || msg.sender !== 'buyer' || !msg.body.trim()) return null;
  const [conv] = await db.select().from(conversations).where(eq(conversations.id, msg.conversationId));
  if (!conv) return null;
  const facts = await loadChatFacts({ db, storeId: conv.storeId, buyerId: conv.buyerId, productId: msg.productId ?? conv.productId, appUrl: opts.appUrl });
  const [ctxOrder] = msg.orderId ? await db.select({ number: orders.number }).from(orders).where(eq(orders.id, msg.orderId)) : [];
  const result = await suggestReplies({
    store: facts.store,
    products: facts.products,
    orders: facts.orders,
    conversation: { productId: msg.productId ?? conv.productId, orderNumber: ctxOrder ? String(ctxOrder.number) : null, messages: await history(db, conv.id, msg.createdAt) },
    message: msg.body,
    locale: await localeOf(db, conv.buyerId),
    llm: opts.llm,
  });
  const replies = result.replies.slice(0, 3).map((r) => ({ text: r.text.slice(0, 2000), style: r.style }));
  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(aiSuggestions)
      .values({
        messageId: msg.id,
        conversationId: conv.id,
        storeId: conv.storeId,
        suggestions: replies,
        intent: result.intent,
        lang: result.language,
        provider: result.provider,
        model: result.modelId,
        latencyMs: Math.round(result.latencyMs),
        inputTokens: result.usage?.inputTokens ?? null,
        outputTokens: result.usage?.outputTokens ?? null,
        fallbackReason: result.fallbackReason ?? null,
      })
      .onConflictDoNothing({ target: aiSuggestions.messageId })
      .returning();
    if (!row) return null; // another worker stored it first; its event went out with it
    await tx.update(messages).set({ intent: result.intent, lang: result.language }).where(eq(messages.id, msg.id));
    const dto = toSuggestionDTO(row);
    await publish(tx, { channel: storeChannel(conv.storeId), kind: 'chat', payload: { type: 'suggestions', suggestion: dto } });
    return dto;
  });
  if (!stored) {
    const [again] = await db.select().from(aiSuggestions).where(eq(aiSuggestions.messageId, opts.messageId));
    return again ? toSuggestionDTO(again) : null;
  }
  return stored;
}

/** The newest summary of a conversation, if any. */
export async function latestSummary(db: Db, conversationId: string): Promise<SummaryDTO | null> {
  const [s] = await db.select().from(aiSummaries).where(eq(aiSummaries.conversationId, conversationId)).orderBy(desc(aiSummaries.createdAt)).limit(1);
  return s ? toSummaryDTO(s) : null;
}

/**
 * Summarises a conversation for the seller (what the buyer wants, open questions, next step), stores it and pushes it
 * to the inbox. `trigger` 'auto' only summarises when the thread is long and grew since the last summary.
 */
export async function summarize(opts: { db: Db; conversationId: string; trigger: 'manual' | 'auto'; llm?: Llm; appUrl?: string }): Promise<SummaryDTO | null> {
  const { db } = opts;
  const [conv] = await db.select().from(conversations).where(eq(conversations.id, opts.conversationId));
  if (!conv) return null;
  const last = await latestSummary(db, conv.id);
  if (opts.trigger === 'auto') {
    if (conv.messageCount < AUTO_SUMMARY_AT) return null;
    if (last && conv.messageCount - last.messageCount < AUTO_SUMMARY_EVERY) return null;
  } else if (last && last.messageCount === conv.messageCount) {
    return last; // nothing new since the last summary
  }
  const msgs = await history(db, conv.id);
  if (!msgs.length) return null;
  const facts = await loadChatFacts({ db, storeId: conv.storeId, buyerId: conv.buyerId, productId: conv.productId, appUrl: opts.appUrl });
  const [ctxOrder] = conv.orderId ? await db.select({ number: orders.number }).from(orders).where(eq(orders.id, conv.orderId)) : [];
  const result = await summarizeConversation({
    store: facts.store,
    products: facts.products,
    orders: facts.orders,
    conversation: { productId: conv.productId, orderNumber: ctxOrder ? String(ctxOrder.number) : null, messages: msgs },
    // Summaries are for the seller, who works in Spanish by default.
    locale: 'es',
    llm: opts.llm,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(aiSummaries)
      .values({
        conversationId: conv.id,
        storeId: conv.storeId,
        summary: result.summary,
        messageCount: conv.messageCount,
        trigger: opts.trigger,
        provider: result.provider,
        model: result.modelId,
        latencyMs: Math.round(result.latencyMs),
        inputTokens: result.usage?.inputTokens ?? null,
        outputTokens: result.usage?.outputTokens ?? null,
      })
      .returning();
    const dto = toSummaryDTO(row!);
    await publish(tx, { channel: storeChannel(conv.storeId), kind: 'chat', payload: { type: 'summary', summary: dto } });
    return dto;
  });
}

/** Suggestions of a conversation's messages (newest first), for the seller's conversation view. */
export async function suggestionsOf(db: Db, conversationId: string, limit = 20): Promise<SuggestionDTO[]> {
  const rows = await db.select().from(aiSuggestions).where(eq(aiSuggestions.conversationId, conversationId)).orderBy(desc(aiSuggestions.createdAt)).limit(limit);
  return rows.map(toSuggestionDTO);
}

export function logAiFailure(err: unknown, what: string, id: string): void {
  logger.error({ err, id }, `chat ${what} failed`);
}
