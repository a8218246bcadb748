import { z } from 'zod';
import { getRealtimeHub } from '../realtime/hub';
import { trackedEvents, ZLastEventId } from '../realtime/sse';
import { generateSuggestions, summarize } from '../services/chat/ai';
import { markRead, sellerConversation, sendSellerReply, setConversationStatus } from '../services/chat/messaging';
import { getSellerThread, inboxCounts, inboxProducts, listInbox } from '../services/chat/reads';
import { ZConversationRef, ZInboxListInput, ZMessagesPageInput, ZSellerReplyInput } from '../services/chat/schemas';
import { storeChannel, type StoreChatEvent } from '../services/chat/types';
import { env } from '../env';
import { AppError } from '../errors/app-error';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';
import { and, desc, eq } from 'drizzle-orm';
import { messages } from '../db/schema';

// Answering buyers is every member's job (staff included): chat.reply.
const chat = sellerProcedure.meta({ permission: 'chat.reply' });

/** The seller's inbox (`/dashboard/inbox`): conversations of one store, AI suggestions and summaries. */
export const inboxRouter = createTRPCRouter({
  list: chat.input(ZInboxListInput.extend({ storeId: z.string().uuid() })).query(({ ctx, input }) => listInbox({ db: ctx.db, store: ctx.store, input })),

  counts: chat.input(z.object({ storeId: z.string().uuid() })).query(({ ctx }) => inboxCounts(ctx.db, ctx.store.id)),

  products: chat.input(z.object({ storeId: z.string().uuid() })).query(({ ctx }) => inboxProducts(ctx.db, ctx.store.id)),

  thread: chat
    .input(ZMessagesPageInput.extend({ storeId: z.string().uuid() }))
    .query(({ ctx, input }) => getSellerThread({ db: ctx.db, store: ctx.store, conversationId: input.conversationId, before: input.before, limit: input.limit })),

  reply: chat.input(ZSellerReplyInput.extend({ storeId: z.string().uuid() })).mutation(({ ctx, input }) => sendSellerReply({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),

  markRead: chat
    .input(ZConversationRef.extend({ storeId: z.string().uuid() }))
    .mutation(({ ctx, input }) => markRead({ db: ctx.db, viewer: 'seller', storeId: ctx.store.id, conversationId: input.conversationId })),

  setStatus: chat
    .input(ZConversationRef.extend({ storeId: z.string().uuid(), status: z.enum(['open', 'done']) }))
    .mutation(({ ctx, input }) => setConversationStatus({ db: ctx.db, store: ctx.store, conversationId: input.conversationId, status: input.status })),

  /** A summary now (what the buyer wants, open questions, next step); the same one again if nothing new was said. */
  summarize: chat.input(ZConversationRef.extend({ storeId: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    const conv = await sellerConversation(ctx.db, ctx.store.id, input.conversationId);
    const s = await summarize({ db: ctx.db, conversationId: conv.id, trigger: 'manual', appUrl: env().APP_URL });
    if (!s) throw new AppError('BAD_REQUEST', { key: 'chat.nothingToSummarize' });
    return s;
  }),

  /** Suggestions for the latest buyer message (made already after it arrived; this returns or re-makes them). */
  suggest: chat.input(ZConversationRef.extend({ storeId: z.string().uuid() })).mutation(async ({ ctx, input }) => {
    const conv = await sellerConversation(ctx.db, ctx.store.id, input.conversationId);
    const [last] = await ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.conversationId, conv.id), eq(messages.sender, 'buyer')))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (!last) throw new AppError('BAD_REQUEST', { key: 'chat.buyerHasNotWritten' });
    return generateSuggestions({ db: ctx.db, messageId: last.id, appUrl: env().APP_URL });
  }),

  /** Live updates of the store's inbox: messages, read/status changes, suggestions, summaries (SSE, resumable). */
  events: chat.input(z.object({ storeId: z.string().uuid(), lastEventId: ZLastEventId })).subscription(async function* ({ ctx, input, signal }) {
    yield* trackedEvents(getRealtimeHub().subscribe({ channel: storeChannel(ctx.store.id), lastEventId: input.lastEventId, signal: signal ?? new AbortController().signal }), (ev) =>
      ev.kind === 'chat' ? (ev.payload as StoreChatEvent) : null,
    );
  }),
});
