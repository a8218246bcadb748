import { z } from 'zod';
import { getMediaStorage } from '../adapters/media';
import { getRealtimeHub, trackedEvents, ZLastEventId } from '../realtime';
import { banViewer, deleteChatMessage, sendChatMessage } from '../services/live/chat';
import { ensureChannel, getStreamSetup, rotateStreamKey } from '../services/live/channels';
import { followState, followStore, unfollowStore } from '../services/live/follows';
import { pinProduct, unpinProduct } from '../services/live/pins';
import { showChannel, type ShowEvent } from '../services/live/realtime';
import { ZChatInput, ZChatMessageRef, ZHeartbeatInput, ZPinInput, ZScheduleShowInput, ZShowRef, ZShowSlug, ZTipInput } from '../services/live/schemas';
import { armShow, cancelShow, getPublicShow, getShowForSeller, getShowProduct, heartbeat, listPublicStoreShows, listStoreShows, scheduleShow } from '../services/live/shows';
import { getTipStatus, startTip } from '../services/live/tips';
import { authedProcedure, createTRPCRouter, publicProcedure, sellerProcedure } from '../trpc/init';

const mediaUrl = (key: string) => getMediaStorage().publicUrl(key);
const ZStoreRef = z.object({ storeId: z.string().uuid() });

/** Viewers and followers: the show page, its real-time events, chat, tips, follows. */
export const liveRouter = createTRPCRouter({
  show: publicProcedure.input(ZShowSlug).query(({ ctx, input }) => getPublicShow({ db: ctx.db, slug: input.slug, mediaUrl, viewerId: ctx.user?.id ?? null })),

  /** Status, pins, chat and deletions of one show (SSE; resumes from lastEventId without loss). Public, like the show. */
  events: publicProcedure.input(ZShowRef.extend({ lastEventId: ZLastEventId })).subscription(async function* ({ input, signal }) {
    yield* trackedEvents(getRealtimeHub().subscribe({ channel: showChannel(input.showId), lastEventId: input.lastEventId, signal: signal! }), (ev) => ({ kind: ev.kind, payload: ev.payload }) as ShowEvent);
  }),

  product: publicProcedure.input(ZShowRef.extend({ productId: z.string().uuid() })).query(({ ctx, input }) => getShowProduct({ db: ctx.db, showId: input.showId, productId: input.productId, mediaUrl })),

  heartbeat: publicProcedure.input(ZHeartbeatInput).mutation(({ ctx, input }) => heartbeat({ db: ctx.db, showId: input.showId, viewerKey: input.viewerKey })),

  sendChat: authedProcedure.input(ZChatInput).mutation(({ ctx, input }) => sendChatMessage({ db: ctx.db, user: ctx.user, input })),

  tip: authedProcedure.input(ZTipInput).mutation(({ ctx, input }) => startTip({ db: ctx.db, user: ctx.user, input })),
  tipStatus: authedProcedure.input(z.object({ checkoutId: z.string().uuid() })).query(({ ctx, input }) => getTipStatus({ db: ctx.db, userId: ctx.user.id, checkoutId: input.checkoutId })),

  followState: publicProcedure.input(ZStoreRef).query(({ ctx, input }) => followState({ db: ctx.db, userId: ctx.user?.id ?? null, storeId: input.storeId })),
  follow: authedProcedure.input(ZStoreRef).mutation(({ ctx, input }) => followStore({ db: ctx.db, userId: ctx.user.id, storeId: input.storeId })),
  unfollow: authedProcedure.input(ZStoreRef).mutation(({ ctx, input }) => unfollowStore({ db: ctx.db, userId: ctx.user.id, storeId: input.storeId })),

  storeShows: publicProcedure.input(ZStoreRef).query(({ ctx, input }) => listPublicStoreShows({ db: ctx.db, storeId: input.storeId })),
});

const live = sellerProcedure.meta({ permission: 'live.manage' });
const moderate = sellerProcedure.meta({ permission: 'chat.reply' });

/** The seller's side: shows, the streaming channel and its key, pins, chat moderation. */
export const liveSellerRouter = createTRPCRouter({
  list: live.input(ZStoreRef).query(({ ctx }) => listStoreShows({ db: ctx.db, store: ctx.store })),
  schedule: live.input(ZStoreRef.merge(ZScheduleShowInput)).mutation(({ ctx, input }) => scheduleShow({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input })),
  get: live.input(ZStoreRef.merge(ZShowRef)).query(({ ctx, input }) => getShowForSeller({ db: ctx.db, store: ctx.store, showId: input.showId, mediaUrl })),
  cancel: live.input(ZStoreRef.merge(ZShowRef)).mutation(({ ctx, input }) => cancelShow({ db: ctx.db, store: ctx.store, showId: input.showId })),
  arm: live.input(ZStoreRef.merge(ZShowRef)).mutation(({ ctx, input }) => armShow({ db: ctx.db, store: ctx.store, showId: input.showId })),

  /** Ingest URLs and key hint; never the key. */
  streamSetup: live.input(ZStoreRef).query(({ ctx }) => getStreamSetup({ db: ctx.db, store: ctx.store })),
  /** Creates the channel on first use; the answer that created it carries the key, once. */
  createChannel: live.input(ZStoreRef).mutation(({ ctx }) => ensureChannel({ db: ctx.db, store: ctx.store })),
  rotateKey: live.input(ZStoreRef).mutation(({ ctx }) => rotateStreamKey({ db: ctx.db, store: ctx.store })),

  pin: live.input(ZStoreRef.merge(ZPinInput)).mutation(({ ctx, input }) => pinProduct({ db: ctx.db, store: ctx.store, userId: ctx.user.id, showId: input.showId, productId: input.productId })),
  unpin: live.input(ZStoreRef.merge(ZShowRef)).mutation(({ ctx, input }) => unpinProduct({ db: ctx.db, store: ctx.store, showId: input.showId })),

  deleteMessage: moderate.input(ZStoreRef.merge(ZChatMessageRef)).mutation(({ ctx, input }) => deleteChatMessage({ db: ctx.db, store: ctx.store, userId: ctx.user.id, showId: input.showId, messageId: input.messageId })),
  ban: moderate.input(ZStoreRef.merge(ZChatMessageRef)).mutation(({ ctx, input }) => banViewer({ db: ctx.db, store: ctx.store, userId: ctx.user.id, showId: input.showId, messageId: input.messageId })),
});
