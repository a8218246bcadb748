import { z } from 'zod';
import { getRealtimeHub } from '../realtime/hub';
import { trackedEvents, ZLastEventId } from '../realtime/sse';
import { markRead, sendBuyerMessage, startConversation } from '../services/chat/messaging';
import { buyerUnreadTotal, getBuyerThread, listBuyerConversations } from '../services/chat/reads';
import { ZConversationRef, ZMessagesPageInput, ZSendMessageInput, ZStartConversationInput } from '../services/chat/schemas';
import { buyerChannel, type BuyerChatEvent } from '../services/chat/types';
import { authedProcedure, createTRPCRouter } from '../trpc/init';

/** The buyer's side of chat: their conversations with stores (`/mensajes`). */
export const chatRouter = createTRPCRouter({
  start: authedProcedure.input(ZStartConversationInput).mutation(({ ctx, input }) => startConversation({ db: ctx.db, userId: ctx.user.id, input })),

  send: authedProcedure.input(ZSendMessageInput).mutation(({ ctx, input }) => sendBuyerMessage({ db: ctx.db, userId: ctx.user.id, input })),

  list: authedProcedure.query(({ ctx }) => listBuyerConversations({ db: ctx.db, userId: ctx.user.id })),

  thread: authedProcedure
    .input(ZMessagesPageInput)
    .query(({ ctx, input }) => getBuyerThread({ db: ctx.db, userId: ctx.user.id, conversationId: input.conversationId, before: input.before, limit: input.limit })),

  markRead: authedProcedure.input(ZConversationRef).mutation(({ ctx, input }) => markRead({ db: ctx.db, viewer: 'buyer', userId: ctx.user.id, conversationId: input.conversationId })),

  unreadCount: authedProcedure.query(({ ctx }) => buyerUnreadTotal(ctx.db, ctx.user.id)),

  /** Live updates of all the buyer's conversations (SSE; resumes from lastEventId). */
  events: authedProcedure.input(z.object({ lastEventId: ZLastEventId })).subscription(async function* ({ ctx, input, signal }) {
    yield* trackedEvents(getRealtimeHub().subscribe({ channel: buyerChannel(ctx.user.id), lastEventId: input.lastEventId, signal: signal ?? new AbortController().signal }), (ev) =>
      ev.kind === 'chat' ? (ev.payload as BuyerChatEvent) : null,
    );
  }),
});

