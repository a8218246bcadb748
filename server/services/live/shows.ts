import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { ivsChannels, liveChatMessages, livePins, liveShowProducts, liveShows, liveViewerPresence, media, products, realtimeChannels, stores, type LiveShow, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { assertReadyMedia } from '../media/assert-ready-media';
import type { MediaUrl } from '../catalog/types';
import { getProductPage } from '../catalog/get-product-page';
import { showChannel, type LiveChatPayload } from './realtime';
import { ZScheduleShowInput, type TScheduleShowInput } from './schemas';

/** 10 lowercase base-32 characters: short to share, unguessable enough to not enumerate shows. */
export function newShowSlug(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
}

async function assertStoreProducts(db: DbOrTx, storeId: string, productIds: string[]): Promise<void> {
  if (!productIds.length) return;
  if (new Set(productIds).size !== productIds.length) throw new AppError('BAD_REQUEST', { key: 'live.duplicateProducts', fields: { productIds: 'live.duplicateProducts' } });
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.id, productIds), eq(products.storeId, storeId), eq(products.status, 'active')));
  if (rows.length !== productIds.length) {
    throw new AppError('BAD_REQUEST', { key: 'live.chooseActiveProducts', fields: { productIds: 'live.chooseActiveProducts' } });
  }
}

export async function scheduleShow({ db, store, userId, input }: { db: Db; store: Store; userId: string; input: TScheduleShowInput }) {
  const data = ZScheduleShowInput.parse(input);
  if (data.scheduledAt.getTime() < Date.now() - 5 * 60_000) {
    throw new AppError('BAD_REQUEST', { key: 'live.futureDate', fields: { scheduledAt: 'live.futureDate' } });
  }
  return db.transaction(async (tx) => {
    if (data.coverMediaId) await assertReadyMedia({ db: tx, mediaIds: [data.coverMediaId], storeId: store.id, userId, field: 'coverMediaId' });
    await assertStoreProducts(tx, store.id, data.productIds);
    const [show] = await tx
      .insert(liveShows)
      .values({ storeId: store.id, slug: newShowSlug(), title: data.title, scheduledAt: data.scheduledAt, coverMediaId: data.coverMediaId ?? null, createdBy: userId })
      .returning();
    if (data.productIds.length) {
      await tx.insert(liveShowProducts).values(data.productIds.map((productId, position) => ({ showId: show!.id, productId, position })));
    }
    return show!;
  });
}

/** A show of this store, or NOT_FOUND (never another store's). */
export async function storeShow(db: DbOrTx, store: Store, showId: string, lock = false): Promise<LiveShow> {
  const q = db.select().from(liveShows).where(and(eq(liveShows.id, showId), eq(liveShows.storeId, store.id)));
  const [show] = lock ? await q.for('update') : await q;
  if (!show) throw new AppError('NOT_FOUND', { key: 'notFound.show' });
  return show;
}

export async function cancelShow({ db, store, showId }: { db: Db; store: Store; showId: string }) {
  return db.transaction(async (tx) => {
    const show = await storeShow(tx, store, showId, true);
    if (show.status !== 'scheduled') throw new AppError('CONFLICT', { key: 'live.onlyScheduledCancel', data: { reason: 'NOT_SCHEDULED' } });
    const [row] = await tx.update(liveShows).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(liveShows.id, show.id)).returning();
    return row!;
  });
}

/** The seller is about to broadcast this show: the next Stream Start on the store's channel belongs to it. */
export async function armShow({ db, store, showId }: { db: Db; store: Store; showId: string }) {
  return db.transaction(async (tx) => {
    const show = await storeShow(tx, store, showId);
    if (show.status === 'cancelled' || show.status === 'ended') throw new AppError('CONFLICT', { key: 'live.showClosed', data: { reason: 'SHOW_CLOSED' } });
    const updated = await tx.update(ivsChannels).set({ activeShowId: show.id }).where(eq(ivsChannels.storeId, store.id)).returning({ id: ivsChannels.id });
    if (!updated.length) throw new AppError('CONFLICT', { key: 'live.noChannel', data: { reason: 'NO_CHANNEL' } });
    return { armed: true };
  });
}

export async function listStoreShows({ db, store }: { db: Db; store: Store }) {
  return db
    .select({ id: liveShows.id, slug: liveShows.slug, title: liveShows.title, status: liveShows.status, scheduledAt: liveShows.scheduledAt, startedAt: liveShows.startedAt, endedAt: liveShows.endedAt, recordingStatus: liveShows.recordingStatus })
    .from(liveShows)
    .where(eq(liveShows.storeId, store.id))
    .orderBy(desc(liveShows.scheduledAt))
    .limit(100);
}

export type ShowProduct = { id: string; slug: string; title: string; currency: string; priceMin: number; inStock: boolean; image: string | null };

async function showProducts(db: DbOrTx, showId: string, mediaUrl: MediaUrl): Promise<ShowProduct[]> {
  const rows = (await db.execute(sql`
    SELECT p.id, p.slug, p.title, p.currency, p.price_min, p.stock_total,
      (SELECT m.key FROM product_images pi JOIN media m ON m.id = pi.media_id AND m.status = 'ready' WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS image_key
    FROM live_show_products lsp JOIN products p ON p.id = lsp.product_id
    WHERE lsp.show_id = ${showId} AND p.status = 'active' ORDER BY lsp.position`)) as unknown as Array<{ id: string; slug: string; title: string; currency: string; price_min: string; stock_total: number; image_key: string | null }>;
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, currency: r.currency.trim(), priceMin: Number(r.price_min), inStock: r.stock_total > 0, image: r.image_key ? mediaUrl(r.image_key) : null }));
}

export type ShowForSeller = Awaited<ReturnType<typeof getShowForSeller>>;

export async function getShowForSeller({ db, store, showId, mediaUrl }: { db: Db; store: Store; showId: string; mediaUrl: MediaUrl }) {
  const show = await storeShow(db, store, showId);
  const [channel] = await db.select({ activeShowId: ivsChannels.activeShowId, playbackUrl: ivsChannels.playbackUrl }).from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
  const storeProducts = (await db.execute(sql`
    SELECT p.id, p.slug, p.title, p.currency, p.price_min, p.stock_total,
      (SELECT m.key FROM product_images pi JOIN media m ON m.id = pi.media_id AND m.status = 'ready' WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS image_key
    FROM products p WHERE p.store_id = ${store.id} AND p.status = 'active' ORDER BY p.title LIMIT 200`)) as unknown as Array<{ id: string; slug: string; title: string; currency: string; price_min: string; stock_total: number; image_key: string | null }>;
  return {
    show: publicShowFields(show),
    armed: channel?.activeShowId === show.id,
    hasChannel: !!channel,
    playbackUrl: channel?.playbackUrl ?? null,
    currentPinProductId: show.currentPinId ? ((await db.select({ productId: livePins.productId }).from(livePins).where(eq(livePins.id, show.currentPinId)))[0]?.productId ?? null) : null,
    featured: await showProducts(db, show.id, mediaUrl),
    products: storeProducts.map((r) => ({ id: r.id, slug: r.slug, title: r.title, currency: r.currency.trim(), priceMin: Number(r.price_min), inStock: r.stock_total > 0, image: r.image_key ? mediaUrl(r.image_key) : null })),
    chat: await recentChat(db, show.id),
    lastEventId: await lastSeq(db, show.id),
  };
}

function publicShowFields(show: LiveShow) {
  return {
    id: show.id,
    slug: show.slug,
    title: show.title,
    status: show.status,
    scheduledAt: show.scheduledAt.toISOString(),
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    recordingStatus: show.recordingStatus,
  };
}

export async function recentChat(db: DbOrTx, showId: string, limit = 50): Promise<LiveChatPayload[]> {
  const rows = await db
    .select()
    .from(liveChatMessages)
    .where(and(eq(liveChatMessages.showId, showId), isNull(liveChatMessages.deletedAt)))
    .orderBy(desc(liveChatMessages.id))
    .limit(limit);
  return rows.reverse().map(chatPayload);
}

export function chatPayload(m: typeof liveChatMessages.$inferSelect): LiveChatPayload {
  return { id: m.id, kind: m.kind, author: m.authorName, body: m.body, tipAmount: m.tipAmount, currency: m.currency?.trim() ?? null, at: m.createdAt.toISOString() };
}

/** The show channel's last event sequence: a subscription started from it misses nothing after this read. */
export async function lastSeq(db: DbOrTx, showId: string): Promise<string | null> {
  const [row] = await db.select({ lastSeq: realtimeChannels.lastSeq }).from(realtimeChannels).where(eq(realtimeChannels.channel, showChannel(showId)));
  return row ? String(row.lastSeq) : '0';
}

export type Chapter = { pinId: string; productId: string; title: string; slug: string; image: string | null; offsetMs: number; pinnedAt: string };

/** Pins as replay chapters: offset from the recording's start (never negative). */
export async function replayChapters(db: DbOrTx, show: LiveShow, mediaUrl: MediaUrl): Promise<Chapter[]> {
  const origin = show.recordingStartedAt ?? show.startedAt;
  const rows = (await db.execute(sql`
    SELECT lp.id, lp.product_id, lp.pinned_at, p.title, p.slug,
      (SELECT m.key FROM product_images pi JOIN media m ON m.id = pi.media_id AND m.status = 'ready' WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS image_key
    FROM live_pins lp JOIN products p ON p.id = lp.product_id
    WHERE lp.show_id = ${show.id} ORDER BY lp.pinned_at, lp.id`)) as unknown as Array<{ id: string; product_id: string; pinned_at: Date | string; title: string; slug: string; image_key: string | null }>;
  return rows.map((r) => {
    const at = new Date(r.pinned_at);
    return { pinId: r.id, productId: r.product_id, title: r.title, slug: r.slug, image: r.image_key ? mediaUrl(r.image_key) : null, pinnedAt: at.toISOString(), offsetMs: origin ? Math.max(0, at.getTime() - origin.getTime()) : 0 };
  });
}

export type PublicShowPage = NonNullable<Awaited<ReturnType<typeof getPublicShow>>>;

/** Everything the viewer page needs at load; null for an unknown or cancelled show, or a suspended store. */
export async function getPublicShow({ db, slug, mediaUrl, viewerId }: { db: Db; slug: string; mediaUrl: MediaUrl; viewerId?: string | null }) {
  const [row] = await db
    .select({ show: liveShows, store: stores, coverKey: media.key })
    .from(liveShows)
    .innerJoin(stores, eq(stores.id, liveShows.storeId))
    .leftJoin(media, eq(media.id, liveShows.coverMediaId))
    .where(and(eq(liveShows.slug, slug), ne(liveShows.status, 'cancelled'), eq(stores.status, 'active')));
  if (!row) return null;
  const { show, store } = row;
  const [channel] = await db.select({ playbackUrl: ivsChannels.playbackUrl, provider: ivsChannels.provider }).from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
  const pin = show.currentPinId ? (await db.select().from(livePins).where(eq(livePins.id, show.currentPinId)))[0] : undefined;
  const [following] = viewerId
    ? await db.execute(sql`select 1 from follows where user_id = ${viewerId} and store_id = ${store.id}`)
    : [];
  return {
    show: publicShowFields(show),
    store: { id: store.id, slug: store.slug, name: store.name, currency: store.currency.trim(), brandColor: store.brandColor },
    cover: row.coverKey ? mediaUrl(row.coverKey) : null,
    playbackUrl: show.status === 'live' ? (channel?.playbackUrl ?? null) : null,
    provider: (channel?.provider ?? 'local') as 'ivs' | 'local',
    replayUrl: show.recordingStatus === 'ready' ? show.replayUrl : null,
    chapters: show.recordingStatus === 'ready' || show.status === 'ended' ? await replayChapters(db, show, mediaUrl) : [],
    pin: pin ? { pinId: pin.id, productId: pin.productId, pinnedAt: pin.pinnedAt.toISOString() } : null,
    featured: await showProducts(db, show.id, mediaUrl),
    chat: await recentChat(db, show.id),
    lastEventId: await lastSeq(db, show.id),
    viewerCount: await viewerCount(db, show.id),
    following: !!following,
  };
}

export const PRESENCE_WINDOW_S = 45;

export async function viewerCount(db: DbOrTx, showId: string): Promise<number> {
  const rows = (await db.execute(sql`select count(*)::int as n from live_viewer_presence where show_id = ${showId} and last_seen_at > now() - make_interval(secs => ${PRESENCE_WINDOW_S})`)) as unknown as Array<{ n: number }>;
  return rows[0]?.n ?? 0;
}

/** A viewer's heartbeat (every ~20 s while the page is open); answers the current count. */
export async function heartbeat({ db, showId, viewerKey }: { db: Db; showId: string; viewerKey: string }): Promise<{ viewerCount: number }> {
  const [show] = await db.select({ status: liveShows.status }).from(liveShows).where(eq(liveShows.id, showId));
  if (!show) throw new AppError('NOT_FOUND', { key: 'notFound.show' });
  if (show.status === 'live') {
    await db
      .insert(liveViewerPresence)
      .values({ showId, viewerKey })
      .onConflictDoUpdate({ target: [liveViewerPresence.showId, liveViewerPresence.viewerKey], set: { lastSeenAt: sql`now()` } });
  }
  return { viewerCount: await viewerCount(db, showId) };
}

/** Upcoming and live shows of a store, for its public page. */
export async function listPublicStoreShows({ db, storeId }: { db: DbOrTx; storeId: string }) {
  return db
    .select({ slug: liveShows.slug, title: liveShows.title, status: liveShows.status, scheduledAt: liveShows.scheduledAt })
    .from(liveShows)
    .where(and(eq(liveShows.storeId, storeId), inArray(liveShows.status, ['scheduled', 'live']), gt(liveShows.scheduledAt, sql`now() - interval '1 day'`)))
    .orderBy(asc(liveShows.scheduledAt))
    .limit(5);
}


/** The pinned product's buy box data (variants, options), only for products of the show's store. */
export async function getShowProduct({ db, showId, productId, mediaUrl }: { db: Db; showId: string; productId: string; mediaUrl: MediaUrl }) {
  const [row] = await db
    .select({ storeSlug: stores.slug, productSlug: products.slug })
    .from(liveShows)
    .innerJoin(stores, eq(stores.id, liveShows.storeId))
    .innerJoin(products, and(eq(products.storeId, liveShows.storeId), eq(products.id, productId)))
    .where(eq(liveShows.id, showId));
  if (!row) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
  const page = await getProductPage({ db, input: { store: row.storeSlug, product: row.productSlug }, mediaUrl });
  if (!page) throw new AppError('NOT_FOUND', { key: 'notFound.productUnavailable' });
  return { store: { name: page.store.name, slug: page.store.slug }, product: page.product };
}
