import { and, eq, isNull, sql } from 'drizzle-orm';
import { liveProvider, type LiveProvider } from '../../adapters/live';
import type { Db } from '../../db/client';
import { ivsChannels, livePins, liveShows, products, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { publish } from '../../realtime/publish';
import { showChannel, type LivePinPayload } from './realtime';
import { storeShow } from './shows';

/** What goes out as IVS timed metadata for a pin (well under 1 KB); viewers treat it like the SSE pin event. */
export function pinMetadata(p: LivePinPayload | null, showId: string): string {
  return JSON.stringify(p ? { v: 1, type: 'pin', showId, pinId: p.pinId, productId: p.productId } : { v: 1, type: 'unpin', showId });
}

/**
 * Pins one of the store's active products on its live show: stored as the show's current pin (late joiners and
 * players that drop metadata read it), published on the show's real-time channel (viewers get it over SSE), then
 * sent as IVS timed metadata (batched and retried by the adapter). Another store's product, or a show that is not
 * live → rejected, nothing changes.
 */
export async function pinProduct({ db, store, userId, showId, productId, provider = liveProvider() }: { db: Db; store: Store; userId: string; showId: string; productId: string; provider?: LiveProvider }) {
  const { payload, channelArn } = await db.transaction(async (tx) => {
    const show = await storeShow(tx, store, showId, true);
    if (show.status !== 'live') throw new AppError('CONFLICT', { key: 'live.pinOnlyLive', data: { reason: 'NOT_LIVE' } });
    const [product] = await tx.select({ id: products.id, title: products.title, priceMin: products.priceMin, currency: products.currency }).from(products).where(and(eq(products.id, productId), eq(products.storeId, store.id), eq(products.status, 'active')));
    if (!product) throw new AppError('BAD_REQUEST', { key: 'live.pinNotYours', fields: { productId: 'live.pinNotYours' } });
    const now = new Date();
    await tx.update(livePins).set({ unpinnedAt: now }).where(and(eq(livePins.showId, show.id), isNull(livePins.unpinnedAt)));
    const [pin] = await tx.insert(livePins).values({ showId: show.id, productId, pinnedBy: userId, pinnedAt: now }).returning();
    await tx.update(liveShows).set({ currentPinId: pin!.id, updatedAt: sql`now()` }).where(eq(liveShows.id, show.id));
    const payload: LivePinPayload = { pinId: pin!.id, productId, pinnedAt: now.toISOString(), card: { title: product.title, priceMin: product.priceMin, currency: product.currency.trim() } };
    await publish(tx, { channel: showChannel(show.id), kind: 'pin', payload });
    const [channel] = await tx.select({ arn: ivsChannels.channelArn }).from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
    return { payload, channelArn: channel?.arn ?? null };
  });
  const metadataStatus = channelArn ? await sendMetadata(provider, channelArn, pinMetadata(payload, showId)) : 'not_supported';
  await db.update(livePins).set({ metadataStatus }).where(eq(livePins.id, payload.pinId));
  return { ...payload, metadataStatus };
}

export async function unpinProduct({ db, store, showId, provider = liveProvider() }: { db: Db; store: Store; showId: string; provider?: LiveProvider }) {
  const channelArn = await db.transaction(async (tx) => {
    const show = await storeShow(tx, store, showId, true);
    if (!show.currentPinId) return null;
    await tx.update(livePins).set({ unpinnedAt: new Date() }).where(and(eq(livePins.showId, show.id), isNull(livePins.unpinnedAt)));
    await tx.update(liveShows).set({ currentPinId: null, updatedAt: sql`now()` }).where(eq(liveShows.id, show.id));
    await publish(tx, { channel: showChannel(show.id), kind: 'pin', payload: null });
    const [channel] = await tx.select({ arn: ivsChannels.channelArn }).from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
    return channel?.arn ?? null;
  });
  if (channelArn) await sendMetadata(provider, channelArn, pinMetadata(null, showId));
  return { unpinned: true };
}

async function sendMetadata(provider: LiveProvider, channelArn: string, metadata: string): Promise<string> {
  try {
    return await provider.putMetadata(channelArn, metadata);
  } catch (err) {
    // The pin is stored and went out over SSE; timed metadata is the extra path.
    logger.warn({ err, channelArn }, 'timed metadata not sent');
    return 'failed';
  }
}
