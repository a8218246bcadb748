import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { LocalLiveProvider } from '../../server/adapters/live/local';
import { follows, liveShows, outbox, stores, storeMembers } from '../../server/db/schema';
import { ensureChannel } from '../../server/services/live/channels';
import { createTestUser, testDb } from '../../server/testing/db';
import { startLiveServer, type LiveServer } from './live-server';
import { pushTestStream } from './test-stream';

/**
 * The local live server end to end: a real RTMP publish (ffmpeg testsrc) → HLS served over HTTP → the IVS-shaped
 * lifecycle events reach the shared handler (show live, followers notified) → the publisher leaves → show ended and
 * the recording, written in IVS's S3 layout, becomes the replay.
 */
const db = testDb();
let server: LiveServer;
let dir: string;
const rtmpPort = 21000 + Math.floor(Math.random() * 2000);
const httpPort = 23000 + Math.floor(Math.random() * 2000);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-live-'));
  server = await startLiveServer({ rtmpPort, httpPort, hlsDir: path.join(dir, 'hls'), recordingsDir: path.join(dir, 'rec'), databaseUrl: inject('databaseUrl'), publishGraceMs: 500, log: process.env.DEBUG_LIVE ? (l) => console.log(l) : () => {} });
});
afterAll(async () => {
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function storeWithShow(slug: string) {
  const owner = await createTestUser(db);
  const [store] = await db.insert(stores).values({ slug, name: `Tienda ${slug}`, currency: 'PEN' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
  const [show] = await db.insert(liveShows).values({ storeId: store!.id, slug: `${slug}-show`, title: 'Show de prueba', scheduledAt: new Date() }).returning();
  const provider = new LocalLiveProvider({ rtmpUrl: `rtmp://127.0.0.1:${rtmpPort}/live`, hlsBaseUrl: `http://127.0.0.1:${httpPort}` });
  const setup = await ensureChannel({ db, store: store!, provider });
  return { store: store!, show: show!, key: setup.streamKey! };
}

const showRow = async (id: string) => (await db.select().from(liveShows).where(eq(liveShows.id, id)))[0]!;

describe('local live server', () => {
  it('RTMP publish → live HLS + show live + followers notified; publisher leaves → ended, replay from the recording', async () => {
    const { store, show, key } = await storeWithShow(`ls-${Date.now().toString(36)}`);
    const fan = await createTestUser(db);
    await db.insert(follows).values({ userId: fan.id, storeId: store.id });

    const child = pushTestStream({ url: `${server.rtmpUrl}/${key}`, seconds: 8 });
    const exited = new Promise((r) => child.once('exit', r));
    const live = await until('show live', async () => {
      const s = await showRow(show.id);
      return s.status === 'live' && s;
    });
    expect(live.streamId).toMatch(/^st-/);
    expect(live.startedAt).not.toBeNull();
    const mail = await db.select().from(outbox).where(and(eq(outbox.template, 'live_started'), eq(outbox.to, fan.email)));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.data).toMatchObject({ slug: show.slug, title: show.title });

    const [{ playbackUrl }] = (await db.execute(`select playback_url as "playbackUrl" from ivs_channels where store_id = '${store.id}'`)) as unknown as [{ playbackUrl: string }];
    const playlist = await until('live playlist', async () => {
      const res = await fetch(playbackUrl);
      const text = res.ok ? await res.text() : '';
      return text.includes('#EXTINF') && { text, res };
    });
    expect(playlist.res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.res.headers.get('access-control-allow-origin')).toBe('*');
    expect(playlist.res.headers.get('cache-control')).toContain('no-cache');
    const segment = playlist.text.split('\n').find((l) => l.endsWith('.ts'))!;
    const seg = await fetch(new URL(segment, playbackUrl));
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');
    expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    await exited;
    const ended = await until('show ended with replay', async () => {
      const s = await showRow(show.id);
      return s.status === 'ended' && s.recordingStatus === 'ready' && s;
    });
    expect(ended.endedAt!.getTime()).toBeGreaterThan(ended.startedAt!.getTime());
    expect(ended.recordingPrefix).toMatch(/^ivs\/v1\/local\/[0-9a-f]+\/\d{4}\/\d+\/\d+\/\d+\/\d+\/[0-9a-f]+$/);
    expect(ended.replayUrl).toBe(`http://127.0.0.1:${httpPort}/recordings/${ended.recordingPrefix}/media/hls/index.m3u8`);
    expect(ended.recordingDurationMs).toBeGreaterThan(4000);
    const replay = await (await fetch(ended.replayUrl!)).text();
    expect(replay).toContain('#EXT-X-ENDLIST');
    expect(replay.match(/#EXTINF/g)!.length).toBeGreaterThanOrEqual(2);
    const endedJson = JSON.parse(await fs.readFile(path.join(server.recordingsDir, ended.recordingPrefix!, 'events/recording-ended.json'), 'utf8'));
    expect(endedJson.media.hls).toMatchObject({ path: 'media/hls', playlist: 'index.m3u8' });
  }, 90_000);

  it('refuses a publisher whose key matches no channel (nothing goes live)', async () => {
    const { show } = await storeWithShow(`lx-${Date.now().toString(36)}`);
    const child = pushTestStream({ url: `${server.rtmpUrl}/sk_local_not-a-real-key`, seconds: 3 });
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await showRow(show.id)).status).toBe('scheduled');
  }, 30_000);
});
