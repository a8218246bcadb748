/**
 * npm run dev:stream <show> [--key <stream key>] [--seconds N]
 *
 * Pushes a synthetic portrait test stream to the local live server for a show (its share id from /live/<show>, or
 * its uuid), as a seller's encoder would. The show is armed first (the broadcast belongs to it). Stream keys are never
 * stored in clear, so without --key the store's key is rotated and the new one used (the key shown on the studio page
 * stops working — say so loudly). Reads the same env as `npm run dev` (VITA_DATA_DIR, EMBEDDED_PG_PORT, LIVE_RTMP_PORT).
 */

import { eq, or } from 'drizzle-orm';
import { LocalLiveProvider } from '../server/adapters/live/local';
import { createDb } from '../server/db/client';
import { ivsChannels, liveShows, stores } from '../server/db/schema';
import { hashStreamKey } from '../server/services/live/channels';
import { pushTestStream } from './local/test-stream';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const showRef = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!showRef) {
    console.error('usage: npm run dev:stream <show share id | uuid> [--key <stream key>] [--seconds N]');
    process.exit(2);
  }
  const databaseUrl = process.env.DATABASE_URL ?? `postgres://vita:vita-local@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/vita`;
  const rtmpBase = process.env.LIVE_RTMP_URL ?? `rtmp://127.0.0.1:${process.env.LIVE_RTMP_PORT ?? 19350}/live`;
  const { sql, db } = createDb(databaseUrl, 1);
  try {
    const isUuid = /^[0-9a-f-]{36}$/i.test(showRef);
    const [row] = await db
      .select({ show: liveShows, store: stores })
      .from(liveShows)
      .innerJoin(stores, eq(stores.id, liveShows.storeId))
      .where(isUuid ? or(eq(liveShows.id, showRef), eq(liveShows.slug, showRef)) : eq(liveShows.slug, showRef));
    if (!row) throw new Error(`no show "${showRef}"`);
    const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, row.store.id));
    if (!channel) throw new Error(`store "${row.store.slug}" has no channel yet: open the show's studio page in the dashboard first`);
    if (channel.provider !== 'local') throw new Error('this store streams to IVS; dev:stream only feeds the local live server');
    let key = arg('key');
    if (!key) {
      const provider = new LocalLiveProvider({ rtmpUrl: rtmpBase, hlsBaseUrl: 'http://unused' });
      const fresh = await provider.rotateStreamKey({ channelArn: channel.channelArn });
      await db.update(ivsChannels).set({ streamKeyArn: fresh.arn, streamKeyHash: hashStreamKey(fresh.value), streamKeyHint: fresh.value.slice(-4), streamKeyRotatedAt: new Date() }).where(eq(ivsChannels.id, channel.id));
      key = fresh.value;
      console.log(`[dev:stream] rotated the stream key of "${row.store.slug}" (the one on the studio page no longer works).`);
    }
    await db.update(ivsChannels).set({ activeShowId: row.show.id }).where(eq(ivsChannels.id, channel.id));
    const seconds = Number(arg('seconds') ?? 0);
    console.log(`[dev:stream] publishing a test stream for "${row.show.title}" to ${rtmpBase}/<key>${seconds ? ` for ${seconds} s` : ' (Ctrl-C stops it)'}`);
    await sql.end();
    const child = pushTestStream({ url: `${rtmpBase}/${key}`, seconds, quiet: !process.env.DEBUG_LIVE });
    const stop = () => child.kill('SIGINT');
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (err) {
    await sql.end();
    console.error(`[dev:stream] ${(err as Error).message}`);
    process.exit(1);
  }
}

void main();

