import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { media, products } from './catalog';
import { checkouts } from './commerce';
import { stores, users } from './identity';

/**
 * One streaming channel per store, created on first use (IVS in the cloud, the local RTMP→HLS server otherwise).
 * The stream key is shown to the seller once, when it is created or rotated; afterwards only its reference (the IVS
 * stream-key ARN), a SHA-256 hash (the local ingest authenticates a publisher with it) and its last 4 characters
 * are kept — never the key itself.
 */
export const ivsChannels = pgTable(
  'ivs_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** 'ivs' or 'local': which adapter created it (a local channel is never sent to AWS and vice versa). */
    provider: text('provider').notNull(),
    channelArn: text('channel_arn').notNull(),
    /** Host[:port] the encoder publishes to (IVS: `<id>.global-contribute.live-video.net`). */
    ingestEndpoint: text('ingest_endpoint').notNull(),
    playbackUrl: text('playback_url').notNull(),
    streamKeyArn: text('stream_key_arn').notNull(),
    streamKeyHash: text('stream_key_hash').notNull(),
    streamKeyHint: text('stream_key_hint').notNull(),
    streamKeyRotatedAt: timestamp('stream_key_rotated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The show the next "Stream Start" on this channel belongs to (the seller's studio page arms it). */
    activeShowId: uuid('active_show_id').references((): AnyPgColumn => liveShows.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ivs_channels_store_id_idx').on(t.storeId),
    uniqueIndex('ivs_channels_channel_arn_idx').on(t.channelArn),
    uniqueIndex('ivs_channels_stream_key_hash_idx').on(t.streamKeyHash),
  ],
);

/** scheduled → live ⇄ (a reconnect within the grace period) → ended; cancelled by the seller before it starts. */
export const liveShowStatus = pgEnum('live_show_status', ['scheduled', 'live', 'ended', 'cancelled']);
/** none → recording (Recording Start) → ready (Recording End, playlist found) | failed. */
export const liveRecordingStatus = pgEnum('live_recording_status', ['none', 'recording', 'ready', 'failed']);

export const liveShows = pgTable(
  'live_shows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Public share id: `/live/<slug>`. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    coverMediaId: uuid('cover_media_id').references(() => media.id, { onDelete: 'set null' }),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: liveShowStatus('status').notNull().default('scheduled'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Event time of the latest stream-state event applied: an older event never moves the show back. */
    stateEventAt: timestamp('state_event_at', { withTimezone: true }),
    /** IVS stream session id (`st-…`) of the broadcast this show is (or was) carried by. */
    streamId: text('stream_id'),
    currentPinId: uuid('current_pin_id').references((): AnyPgColumn => livePins.id, { onDelete: 'set null' }),
    recordingStatus: liveRecordingStatus('recording_status').notNull().default('none'),
    recordingBucket: text('recording_bucket'),
    recordingPrefix: text('recording_prefix'),
    recordingStartedAt: timestamp('recording_started_at', { withTimezone: true }),
    recordingEventAt: timestamp('recording_event_at', { withTimezone: true }),
    recordingDurationMs: integer('recording_duration_ms'),
    /** Playable HLS of the recording, set only after Recording End (never build a replay before it). */
    replayUrl: text('replay_url'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('live_shows_slug_idx').on(t.slug),
    index('live_shows_store_id_scheduled_at_idx').on(t.storeId, t.scheduledAt),
    index('live_shows_status_scheduled_at_idx').on(t.status, t.scheduledAt),
    index('live_shows_stream_id_idx').on(t.streamId),
    check('live_shows_title_len', sql`char_length(${t.title}) between 3 and 120`),
  ],
);

/** Products the seller plans to show (in order), offered on the show page before and during the show. */
export const liveShowProducts = pgTable(
  'live_show_products',
  {
    showId: uuid('show_id')
      .notNull()
      .references(() => liveShows.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.showId, t.productId] })],
);

/**
 * Every pin of a show (the replay's chapters). The current one is `live_shows.current_pin_id`; `metadata_status`
 * says whether it also went out as IVS timed metadata (sent / failed after retries / local: not applicable).
 */
export const livePins = pgTable(
  'live_pins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => liveShows.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    pinnedBy: text('pinned_by').references(() => users.id, { onDelete: 'set null' }),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }).notNull().defaultNow(),
    unpinnedAt: timestamp('unpinned_at', { withTimezone: true }),
    metadataStatus: text('metadata_status').notNull().default('pending'),
  },
  (t) => [index('live_pins_show_id_pinned_at_idx').on(t.showId, t.pinnedAt)],
);

export const liveChatKind = pgEnum('live_chat_kind', ['message', 'tip']);

/** Chat of a show; rendered as text. Deleted messages stay (moderation record) but are never shown again. */
export const liveChatMessages = pgTable(
  'live_chat_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    showId: uuid('show_id')
      .notNull()
      .references(() => liveShows.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    kind: liveChatKind('kind').notNull().default('message'),
    body: text('body').notNull(),
    tipAmount: bigint('tip_amount', { mode: 'number' }),
    currency: char('currency', { length: 3 }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: text('deleted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_chat_messages_show_id_id_idx').on(t.showId, t.id),
    index('live_chat_messages_user_id_created_at_idx').on(t.userId, t.createdAt),
    check('live_chat_messages_body_len', sql`char_length(${t.body}) <= 500`),
  ],
);

/** A viewer banned from a store's live chats (all its shows). */
export const liveBans = pgTable(
  'live_bans',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    bannedBy: text('banned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.userId] })],
);

/** Buyers following stores: notified when a followed store goes live. */
export const follows = pgTable(
  'follows',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] }), index('follows_store_id_idx').on(t.storeId)],
);

/** A tip is a checkout of purpose 'tip'; when it is paid it posts a ledger transaction of kind 'tip' and a chat line. */
export const liveTips = pgTable(
  'live_tips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => liveShows.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    checkoutId: uuid('checkout_id')
      .notNull()
      .references(() => checkouts.id, { onDelete: 'restrict' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    message: text('message').notNull().default(''),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    chatMessageId: bigint('chat_message_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('live_tips_checkout_id_idx').on(t.checkoutId),
    index('live_tips_show_id_idx').on(t.showId),
    check('live_tips_amount_pos', sql`${t.amount} > 0`),
    check('live_tips_message_len', sql`char_length(${t.message}) <= 140`),
  ],
);

/** Viewers seen recently (heartbeat): the viewer count works the same on every instance and locally. */
export const liveViewerPresence = pgTable(
  'live_viewer_presence',
  {
    showId: uuid('show_id')
      .notNull()
      .references(() => liveShows.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.showId, t.viewerKey] }), index('live_viewer_presence_show_id_last_seen_at_idx').on(t.showId, t.lastSeenAt)],
);

export const liveShowsRelations = relations(liveShows, ({ one, many }) => ({
  store: one(stores, { fields: [liveShows.storeId], references: [stores.id] }),
  pins: many(livePins),
  products: many(liveShowProducts),
}));
export const livePinsRelations = relations(livePins, ({ one }) => ({
  show: one(liveShows, { fields: [livePins.showId], references: [liveShows.id] }),
  product: one(products, { fields: [livePins.productId], references: [products.id] }),
}));
export const liveShowProductsRelations = relations(liveShowProducts, ({ one }) => ({
  show: one(liveShows, { fields: [liveShowProducts.showId], references: [liveShows.id] }),
  product: one(products, { fields: [liveShowProducts.productId], references: [products.id] }),
}));

export type IvsChannel = typeof ivsChannels.$inferSelect;
export type LiveShow = typeof liveShows.$inferSelect;
export type LivePin = typeof livePins.$inferSelect;
export type LiveChatMessage = typeof liveChatMessages.$inferSelect;
export type LiveTip = typeof liveTips.$inferSelect;
