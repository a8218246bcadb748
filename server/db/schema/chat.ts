import { relations, sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { orders } from './commerce';
import { stores, users } from './identity';

// ── Conversations ───────────────────────────────────────────────────────────────────────────────────────────────
export const conversationStatus = pgEnum('conversation_status', ['open', 'done']);
export const messageSender = pgEnum('message_sender', ['buyer', 'seller']);

/**
 * One thread per buyer and store (like a phone chat): the product/order the buyer came from is the thread's current
 * context and is also stamped on each message. Unread counters and the last message are kept here so the inbox
 * list is one indexed read; the counters change only in the transaction that writes or reads messages.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    status: conversationStatus('status').notNull().default('open'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    lastSender: messageSender('last_sender'),
    messageCount: integer('message_count').notNull().default(0),
    buyerUnread: integer('buyer_unread').notNull().default(0),
    sellerUnread: integer('seller_unread').notNull().default(0),
    /** When an "unread messages" email last went to each side (one email per burst). */
    buyerEmailedAt: timestamp('buyer_emailed_at', { withTimezone: true }),
    sellerEmailedAt: timestamp('seller_emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_store_id_buyer_id_idx').on(t.storeId, t.buyerId),
    index('conversations_store_id_last_message_at_idx').on(t.storeId, t.lastMessageAt),
    index('conversations_buyer_id_last_message_at_idx').on(t.buyerId, t.lastMessageAt),
    check('conversations_unread_nonneg', sql`${t.buyerUnread} >= 0 AND ${t.sellerUnread} >= 0`),
  ],
);

export type MessageAttachment = { mediaId: string; width: number | null; height: number | null };

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Denormalised tenant key: insights and CRM read messages by store without a join. */
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    sender: messageSender('sender').notNull(),
    senderUserId: text('sender_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Plain text, shown as text (never HTML). */
    body: text('body').notNull(),
    attachments: jsonb('attachments').$type<MessageAttachment[]>().notNull().default([]),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** The client's idempotency key: a retried send returns the first message instead of a second one. */
    clientId: text('client_id'),
    /** Buyer messages: intent and language found by the AI layer (off the send path). */
    intent: text('intent'),
    lang: text('lang'),
    /** Seller messages sent from a suggestion chip (edited or not). */
    suggestionId: uuid('suggestion_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_conversation_id_created_at_idx').on(t.conversationId, t.createdAt),
    index('messages_store_id_created_at_idx').on(t.storeId, t.createdAt),
    uniqueIndex('messages_conversation_id_client_id_idx').on(t.conversationId, t.clientId),
    check('messages_body_length', sql`char_length(${t.body}) <= 2000`),
    check('messages_not_empty', sql`char_length(${t.body}) > 0 OR jsonb_array_length(${t.attachments}) > 0`),
  ],
);

// ── AI ──────────────────────────────────────────────────────────────────────────────────────────────────────────
export type StoredSuggestion = { text: string; style: 'answer' | 'question' | 'action' };

/** Suggested replies to one buyer message: what the model (or the built-in engine) said and what it cost. */
export const aiSuggestions = pgTable(
  'ai_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    suggestions: jsonb('suggestions').$type<StoredSuggestion[]>().notNull(),
    intent: text('intent').notNull(),
    lang: text('lang').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    fallbackReason: text('fallback_reason'),
    /** Index of the chip the seller sent (edited or not); null while unused. */
    usedIndex: integer('used_index'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ai_suggestions_message_id_idx').on(t.messageId), index('ai_suggestions_conversation_id_idx').on(t.conversationId)],
);

export type StoredSummary = { wants: string; openQuestions: string[]; nextStep: string };

/** Conversation summaries (on demand, and automatically after long threads); the newest one is shown. */
export const aiSummaries = pgTable(
  'ai_summaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    summary: jsonb('summary').$type<StoredSummary>().notNull(),
    /** conversations.message_count when summarised: a newer summary is due only after more messages. */
    messageCount: integer('message_count').notNull(),
    trigger: text('trigger').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ai_summaries_conversation_id_created_at_idx').on(t.conversationId, t.createdAt)],
);

// ── CRM ─────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Seller-written facts about a buyer. Everything else in the CRM is derived from orders and messages. */
export const customerNotes = pgTable(
  'customer_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** The customer key (server/services/crm/customers.ts): an account id, or `guest:<normalised email>`; no FK. */
    buyerId: text('buyer_id').notNull(),
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_notes_store_id_buyer_id_idx').on(t.storeId, t.buyerId), check('customer_notes_body_length', sql`char_length(${t.body}) between 1 and 2000`)],
);

export const customerTags = pgTable(
  'customer_tags',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Same customer key as customer_notes.buyer_id. */
    buyerId: text('buyer_id').notNull(),
    tag: text('tag').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.buyerId, t.tag] }), check('customer_tags_tag_length', sql`char_length(${t.tag}) between 1 and 40`)],
);

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  store: one(stores, { fields: [conversations.storeId], references: [stores.id] }),
  buyer: one(users, { fields: [conversations.buyerId], references: [users.id] }),
  messages: many(messages),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
}));

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type AiSuggestion = typeof aiSuggestions.$inferSelect;
export type AiSummary = typeof aiSummaries.$inferSelect;

/** Per-user message rate counters (rate-limiter-flexible's Drizzle store): shared by every app instance. */
export const chatRateLimits = pgTable('chat_rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
