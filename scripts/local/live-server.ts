/**
 * The local stand-in for Amazon IVS (started by scripts/local-stack.ts for dev and e2e):
 *  - RTMP ingest (node-media-server) at rtmp://127.0.0.1:<rtmpPort>/live/<stream key>; a publisher is accepted only if
 *    its key hashes to a channel's `stream_key_hash` (keys are never stored in clear);
 *  - each broadcast is repackaged by ffmpeg (from @ffmpeg-installer/ffmpeg) into live HLS
 *    (http://127.0.0.1:<httpPort>/hls/<channel id>/index.m3u8, 1 s segments) and a recording written in IVS's S3
 *    layout under the local recordings directory (ivs/v1/local/<channel>/<y>/<m>/<d>/<h>/<mm>/<recording>/media/hls/,
 *    events/recording-started.json, events/recording-ended.json), served at /recordings/;
 *  - the channel lifecycle as IVS EventBridge events (Stream Start/End, Recording Start/End), delivered to the same
 *    handler the Amplify ivs-events function runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createIvsEventsHandler } from '../../amplify/functions/ivs-events/handler';
import { createDb } from '../../server/db/client';
import { ivsChannels } from '../../server/db/schema';
import { localChannelId } from '../../server/adapters/live/local';
import { hashStreamKey } from '../../server/services/live/channels';

// node-media-server is CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeMediaServer = require('node-media-server') as new (config: Record<string, unknown>) => NmsInstance;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nmsLogger = require('node-media-server/src/core/logger.js') as { level: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nmsContext = require('node-media-server/src/core/context.js') as {
  broadcasts: Map<string, { publishGraceMs: number; subscribers: Map<string, { close: () => void }> }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ffmpegPath = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

type NmsSession = { id: string; streamPath: string; streamApp: string; streamName: string; close: () => void };
type NmsInstance = { on: (event: string, fn: (s: NmsSession) => void) => void; run: () => Promise<void>; stop: () => Promise<void> };

/** Video and (if any) audio only: RTMP carries a data track (onMetaData) that stops the HLS muxer from cutting segments. */
const MAP = ['-map', '0:v', '-map', '0:a?'];

export type LiveServer = { rtmpUrl: string; httpUrl: string; recordingsDir: string; stop: () => Promise<void> };


type Broadcast = {
  channelArn: string;
  channelId: string;
  streamId: string;
  prefix: string;
  startedAt: Date;
  ffmpeg: ChildProcess;
  ended: Promise<void>;
};

export async function startLiveServer(opts: {
  rtmpPort: number;
  httpPort: number;
  /** Live HLS working directory (wiped per broadcast). */
  hlsDir: string;
  /** Recordings root (local media storage). */
  recordingsDir: string;
  databaseUrl: string;
  /** Seconds a dropped publisher has to come back before the stream ends (IVS waits too). */
  publishGraceMs?: number;
  log: (line: string) => void;
}): Promise<LiveServer> {
  const { sql, db } = createDb(opts.databaseUrl, 3);
  const httpUrl = `http://127.0.0.1:${opts.httpPort}`;
  const recordingsBaseUrl = `${httpUrl}/recordings`;
  const dispatch = createIvsEventsHandler(() => ({
    db,
    recordingsBaseUrl,
    readRecording: async (bucket, key) => {
      if (bucket !== 'local') return null;
      const file = safeJoin(opts.recordingsDir, key);
      return file ? JSON.parse(await fsp.readFile(file, 'utf8')) : null;
    },
  }));
  const emit = async (detailType: string, channelArn: string, time: Date, detail: Record<string, unknown>) => {
    const event = { version: '0', id: crypto.randomUUID(), 'detail-type': detailType, source: 'aws.ivs', account: 'local', time: time.toISOString(), region: 'local', resources: [channelArn], detail };
    try {
      const r = await dispatch(event as never);
      opts.log(`[live] ${detailType} ${String(detail.event_name ?? detail.recording_status)} → ${r.outcome}`);
    } catch (err) {
      opts.log(`[live] event handler failed: ${String(err)}`);
    }
  };

  await fsp.mkdir(opts.hlsDir, { recursive: true });
  await fsp.mkdir(opts.recordingsDir, { recursive: true });
  const broadcasts = new Map<string, Broadcast>(); // by NMS session id

  const nms = new NodeMediaServer({
    bind: '127.0.0.1',
    rtmp: { port: opts.rtmpPort },
    store: { path: path.join(opts.hlsDir, '.nms') },
    webadmin: { enable: false },
    record: { auto: false },
    auth: { play: false, publish: false },
  });
  nmsLogger.level = process.env.DEBUG_LIVE ? 'debug' : 'error';

  nms.on('postPublish', (session) => {
    void (async () => {
      const key = session.streamName;
      const [channel] = session.streamApp === 'live' && key ? await db.select().from(ivsChannels).where(eq(ivsChannels.streamKeyHash, hashStreamKey(key))) : [];
      const channelId = channel && localChannelId(channel.channelArn);
      if (!channel || !channelId) {
        opts.log('[live] publish refused: unknown stream key');
        session.close();
        return;
      }
      const bc = nmsContext.broadcasts.get(session.streamPath);
      if (bc) bc.publishGraceMs = opts.publishGraceMs ?? 5_000;
      const startedAt = new Date();
      const streamId = `st-${crypto.randomBytes(6).toString('hex')}`;
      const recordingId = crypto.randomBytes(6).toString('hex');
      const d = startedAt;
      const prefix = `ivs/v1/local/${channelId}/${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCHours()}/${d.getUTCMinutes()}/${recordingId}`;
      const recDir = path.join(opts.recordingsDir, prefix);
      const liveDir = path.join(opts.hlsDir, channelId);
      await fsp.rm(liveDir, { recursive: true, force: true });
      await fsp.mkdir(liveDir, { recursive: true });
      await fsp.mkdir(path.join(recDir, 'media/hls'), { recursive: true });
      await fsp.mkdir(path.join(recDir, 'events'), { recursive: true });
      await fsp.writeFile(
        path.join(recDir, 'events/recording-started.json'),
        JSON.stringify({ version: 'v1', channel_arn: channel.channelArn, recording_started_at: startedAt.toISOString(), recording_status: 'RECORDING_STARTED', media: { hls: { path: 'media/hls', playlist: 'index.m3u8' } } }, null, 2),
      );
      const source = `rtmp://127.0.0.1:${opts.rtmpPort}${session.streamPath}`;
      const hlsLive = ['-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', 'delete_segments+independent_segments', '-hls_segment_filename', path.join(liveDir, `${streamId}_%05d.ts`), path.join(liveDir, 'index.m3u8')];
      const hlsRec = ['-f', 'hls', '-hls_time', '2', '-hls_list_size', '0', '-hls_playlist_type', 'event', '-hls_segment_filename', path.join(recDir, 'media/hls/seg_%05d.ts'), path.join(recDir, 'media/hls/index.m3u8')];
      const ffmpeg = spawn(ffmpegPath, ['-hide_banner', '-loglevel', process.env.DEBUG_LIVE ? 'warning' : 'error', '-i', source, ...MAP, '-c', 'copy', ...hlsLive, ...MAP, '-c', 'copy', ...hlsRec], { stdio: ['pipe', 'ignore', 'pipe'] });
      ffmpeg.stderr?.on('data', (b: Buffer) => process.env.DEBUG_LIVE && opts.log(`[live ffmpeg] ${b.toString().trim()}`));
      const ended = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
      const broadcast: Broadcast = { channelArn: channel.channelArn, channelId, streamId, prefix, startedAt, ffmpeg, ended };
      broadcasts.set(session.id, broadcast);
      opts.log(`[live] channel ${channelId} publishing (${streamId})`);
      await emit('IVS Stream State Change', channel.channelArn, startedAt, { event_name: 'Stream Start', channel_name: channelId, stream_id: streamId });
      await emit('IVS Recording State Change', channel.channelArn, startedAt, {
        channel_name: channelId,
        stream_id: streamId,
        recording_status: 'Recording Start',
        recording_status_reason: '',
        recording_s3_bucket_name: 'local',
        recording_s3_key_prefix: prefix,
        recording_duration_ms: 0,
        recording_session_id: recordingId,
        recording_session_stream_ids: [streamId],
      });
      void ended.then(() => finish(session.id));
    })().catch((err) => opts.log(`[live] publish handling failed: ${String(err)}`));
  });

  // After the grace period (a publisher that does not come back): stop packaging, which ends the stream.
  nms.on('donePublish', (session) => {
    const b = broadcasts.get(session.id);
    if (process.env.DEBUG_LIVE) opts.log(`[live] publisher ${session.id} gone${b ? `; closing ${b.streamId}` : ''}`);
    if (!b || b.ffmpeg.exitCode !== null) return;
    // ffmpeg blocked on an idle RTMP read ignores SIGINT: end its play session so it sees EOF and finalizes the files.
    for (const sub of nmsContext.broadcasts.get(session.streamPath)?.subscribers.values() ?? []) sub.close();
    b.ffmpeg.kill('SIGINT');
    setTimeout(() => b.ffmpeg.exitCode === null && b.ffmpeg.kill('SIGKILL'), 5_000).unref();
  });

  const finishing = new Map<string, Promise<void>>();
  const finish = (sessionId: string) => {
    const existing = finishing.get(sessionId);
    if (existing) return existing;
    const work = (async () => {
      const b = broadcasts.get(sessionId);
      if (!b) return;
      const endedAt = new Date();
      const recDir = path.join(opts.recordingsDir, b.prefix);
      const playlist = path.join(recDir, 'media/hls/index.m3u8');
      const text = await fsp.readFile(playlist, 'utf8').catch(() => '');
      if (text && !text.includes('#EXT-X-ENDLIST')) await fsp.appendFile(playlist, '#EXT-X-ENDLIST\n');
      const durationMs = Math.round([...text.matchAll(/#EXTINF:([\d.]+)/g)].reduce((s, m) => s + Number(m[1]) * 1000, 0));
      const ok = text.includes('#EXTINF');
      await fsp.writeFile(
        path.join(recDir, ok ? 'events/recording-ended.json' : 'events/recording-failed.json'),
        JSON.stringify(
          {
            version: 'v1',
            channel_arn: b.channelArn,
            recording_started_at: b.startedAt.toISOString(),
            recording_ended_at: endedAt.toISOString(),
            recording_status: ok ? 'RECORDING_ENDED' : 'RECORDING_FAILED',
            media: { hls: { duration_ms: durationMs, path: 'media/hls', playlist: 'index.m3u8' } },
          },
          null,
          2,
        ),
      );
      await emit('IVS Stream State Change', b.channelArn, endedAt, { event_name: 'Stream End', channel_name: b.channelId, stream_id: b.streamId });
      await emit('IVS Recording State Change', b.channelArn, endedAt, {
        channel_name: b.channelId,
        stream_id: b.streamId,
        recording_status: ok ? 'Recording End' : 'Recording End Failure',
        recording_status_reason: ok ? '' : 'no media',
        recording_s3_bucket_name: 'local',
        recording_s3_key_prefix: b.prefix,
        recording_duration_ms: durationMs,
        recording_session_stream_ids: [b.streamId],
      });
      broadcasts.delete(sessionId);
    })();
    finishing.set(sessionId, work);
    return work;
  };

  const server = http.createServer((req, res) => void serve(req, res));
  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const url = new URL(req.url ?? '/', httpUrl);
    const [, root, ...rest] = url.pathname.split('/');
    const base = root === 'hls' ? opts.hlsDir : root === 'recordings' ? opts.recordingsDir : null;
    const file = base && rest.length ? safeJoin(base, rest.map(decodeURIComponent).join('/')) : null;
    if (!file || rest.some((p) => p.startsWith('.'))) return void res.writeHead(404).end();
    const ext = path.extname(file);
    const type = ext === '.m3u8' ? 'application/vnd.apple.mpegurl' : ext === '.ts' ? 'video/mp2t' : ext === '.json' ? 'application/json' : null;
    if (!type) return void res.writeHead(404).end();
    let body: Buffer | null = null;
    for (let i = 0; i < 5; i++) {
      body = await fsp.readFile(file).catch(() => null);
      // ffmpeg rewrites the live playlist in place: never hand out a half-written one.
      if (!body || ext !== '.m3u8' || (body.subarray(0, 7).toString() === '#EXTM3U' && body.at(-1) === 0x0a)) break;
      body = null;
      await new Promise((r) => setTimeout(r, 40));
    }
    if (!body) return void res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': ext === '.m3u8' && root === 'hls' ? 'no-cache, no-store' : 'public, max-age=60',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.httpPort, '127.0.0.1', () => resolve());
  });
  await nms.run();

  return {
    rtmpUrl: `rtmp://127.0.0.1:${opts.rtmpPort}/live`,
    httpUrl,
    recordingsDir: opts.recordingsDir,
    stop: async () => {
      for (const b of broadcasts.values()) if (b.ffmpeg.exitCode === null) b.ffmpeg.kill('SIGINT');
      await Promise.race([Promise.all([...finishing.values(), ...[...broadcasts.keys()].map(finish)]), new Promise((r) => setTimeout(r, 3_000))]);
      await nms.stop().catch(() => {});
      await new Promise<void>((r) => server.close(() => r()));
      await sql.end({ timeout: 2 });
    },
  };
}

/** `root/rel` if it stays inside root. */
function safeJoin(root: string, rel: string): string | null {
  const full = path.resolve(root, rel);
  return full.startsWith(path.resolve(root) + path.sep) && fs.existsSync(path.dirname(full)) ? full : null;
}
