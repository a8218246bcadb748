import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { liveProvider, type LiveProvider } from '../../adapters/live';
import type { Db } from '../../db/client';
import { ivsChannels, type IvsChannel, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { logger } from '../../log/logger';

export const hashStreamKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const hintOf = (key: string) => key.slice(-4);

export type StreamSetup = {
  provider: 'ivs' | 'local';
  ingest: { rtmps: string | null; rtmp: string };
  keyHint: string;
  keyRotatedAt: Date;
  /** Present only in the answer that created or rotated the key: shown once, never again. */
  streamKey: string | null;
  ingestEndpoint: string;
};

function setupOf(provider: LiveProvider, channel: IvsChannel, streamKey: string | null): StreamSetup {
  return {
    provider: provider.name,
    ingest: provider.ingestUrls(channel.ingestEndpoint),
    keyHint: channel.streamKeyHint,
    keyRotatedAt: channel.streamKeyRotatedAt,
    streamKey,
    ingestEndpoint: channel.ingestEndpoint,
  };
}

/**
 * The store's channel, created on first use (one per store). The key comes back only from the call that created it.
 * A per-store advisory lock makes two concurrent first uses create one channel.
 */
export async function ensureChannel({ db, store, provider = liveProvider() }: { db: Db; store: Store; provider?: LiveProvider }): Promise<StreamSetup> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ivs_channel:${store.id}`}))`);
    const [existing] = await tx.select().from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
    if (existing) return setupOf(provider, existing, null);
    let created;
    try {
      created = await provider.createChannel({ name: `vita-${store.slug}`.slice(0, 128), tags: { vitaStore: store.id } });
    } catch (err) {
      logger.warn({ err, storeId: store.id }, 'live channel could not be created');
      throw new AppError('UPSTREAM_FAILED', { key: 'live.channelCreateFailed', cause: err });
    }
    const [row] = await tx
      .insert(ivsChannels)
      .values({
        storeId: store.id,
        provider: provider.name,
        channelArn: created.channelArn,
        ingestEndpoint: created.ingestEndpoint,
        playbackUrl: created.playbackUrl,
        streamKeyArn: created.streamKey.arn,
        streamKeyHash: hashStreamKey(created.streamKey.value),
        streamKeyHint: hintOf(created.streamKey.value),
      })
      .returning();
    return setupOf(provider, row!, created.streamKey.value);
  });
}

/** A new key (the old one stops working at once, ending a broadcast that uses it); answered once. */
export async function rotateStreamKey({ db, store, provider = liveProvider() }: { db: Db; store: Store; provider?: LiveProvider }): Promise<StreamSetup> {
  return db.transaction(async (tx) => {
    const [channel] = await tx.select().from(ivsChannels).where(eq(ivsChannels.storeId, store.id)).for('update');
    if (!channel) throw new AppError('NOT_FOUND', { key: 'live.noChannelYet' });
    let key;
    try {
      key = await provider.rotateStreamKey({ channelArn: channel.channelArn, oldStreamKeyArn: channel.streamKeyArn });
    } catch (err) {
      throw new AppError('UPSTREAM_FAILED', { key: 'live.keyRotateFailed', cause: err });
    }
    const [row] = await tx
      .update(ivsChannels)
      .set({ streamKeyArn: key.arn, streamKeyHash: hashStreamKey(key.value), streamKeyHint: hintOf(key.value), streamKeyRotatedAt: new Date() })
      .where(eq(ivsChannels.id, channel.id))
      .returning();
    return setupOf(provider, row!, key.value);
  });
}

/** The store's channel setup without the key (null before the first use). */
export async function getStreamSetup({ db, store, provider = liveProvider() }: { db: Db; store: Store; provider?: LiveProvider }): Promise<StreamSetup | null> {
  const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, store.id));
  return channel ? setupOf(provider, channel, null) : null;
}
