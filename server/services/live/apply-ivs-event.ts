import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { ivsChannels, livePins, liveShows, stores, type IvsChannel, type LiveShow } from '../../db/schema';
import { logger } from '../../log/logger';
import { publish } from '../../realtime/publish';
import { RECORDING_STATE_CHANGE, STREAM_STATE_CHANGE, ZIvsEvent, ZRecordingEnded, type IvsEvent, type RecordingReader } from './ivs-event';
import { notifyFollowersLive } from './notify-followers';
import { showChannel } from './realtime';

/** A stream that comes back this soon after its end (an encoder reconnecting) continues the same show. */
export const RESUME_GRACE_MS = 10 * 60_000;
/** A Stream Start without an armed show picks the store's scheduled show closest to it, within this window. */
const SCHEDULE_WINDOW_MS = 24 * 3_600_000;

export type IvsEventOutcome =
  | 'live'
  | 'resumed'
  | 'ended'
  | 'recording'
  | 'replay_ready'
  | 'recording_failed'
  | 'stale' //           older than what the show already knows: nothing moves back
  | 'duplicate' //       already applied
  | 'ignored' //         an event VITA does not act on (Session Created, health, …)
  | 'no_show' //         the channel is ours but no show fits the broadcast
  | 'unknown_channel' // not one of our channels: logged and ignored
  | 'invalid';

export type ApplyIvsEventDeps = {
  db: Db;
  /** Reads `events/recording-ended.json` to find the replay playlist (S3 in the cloud, files locally). */
  readRecording: RecordingReader;
  /** Public base URL the recording bucket is served from (CloudFront; locally the live server's /recordings). */
  recordingsBaseUrl: string;
};

/**
 * Applies one IVS EventBridge event to the show it concerns — the code the Amplify `ivs-events` function runs, and the
 * local live server calls with the same events. Ordering rules, by the event's own time:
 *  - Stream Start moves scheduled → live (and notifies followers once); a start older than the show's last state
 *    event never moves it (an ended show stays ended), a newer one within RESUME_GRACE_MS of the end resumes it.
 *  - Stream End moves live → ended unless a newer event was already applied.
 *  - Recording End sets the replay only after reading the recording's own description of its playlist.
 * Unknown channels and shapes are logged and ignored (the Lambda must not retry them forever).
 */
export async function applyIvsEvent(deps: ApplyIvsEventDeps, raw: unknown): Promise<{ outcome: IvsEventOutcome; showId?: string }> {
  const parsed = ZIvsEvent.safeParse(raw);
  if (!parsed.success) {
    logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ivs event: unreadable shape ignored');
    return { outcome: 'invalid' };
  }
  const event = parsed.data;
  const at = new Date(event.time);
  if (Number.isNaN(at.getTime())) return { outcome: 'invalid' };
  const channelArn = event.resources[0];
  if (!channelArn) return { outcome: 'invalid' };

  if (event['detail-type'] === STREAM_STATE_CHANGE) {
    const name = event.detail.event_name;
    if (name !== 'Stream Start' && name !== 'Stream End') return { outcome: 'ignored' };
    return deps.db.transaction(async (tx) => {
      const channel = await channelFor(tx, channelArn, event);
      if (!channel) return { outcome: 'unknown_channel' as const };
      return name === 'Stream Start' ? streamStart(tx, channel, event, at) : streamEnd(tx, channel, event, at);
    });
  }
  if (event['detail-type'] === RECORDING_STATE_CHANGE) {
    const status = event.detail.recording_status ?? '';
    if (status === 'Recording Start') {
      return deps.db.transaction(async (tx) => {
        const channel = await channelFor(tx, channelArn, event);
        if (!channel) return { outcome: 'unknown_channel' as const };
        return recordingStart(tx, channel, event, at);
      });
    }
    if (status === 'Recording End' || status === 'Recording End Failure' || status === 'Recording Start Failure') {
      // Read the recording's description before taking locks: S3 may be slow.
      const ended = status === 'Recording End' ? await readEnded(deps, event) : null;
      return deps.db.transaction(async (tx) => {
        const channel = await channelFor(tx, channelArn, event);
        if (!channel) return { outcome: 'unknown_channel' as const };
        return recordingEnd(tx, channel, event, at, ended, deps.recordingsBaseUrl);
      });
    }
    return { outcome: 'ignored' };
  }
  return { outcome: 'ignored' };
}

async function channelFor(db: DbOrTx, arn: string, event: IvsEvent): Promise<IvsChannel | null> {
  const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.channelArn, arn));
  if (!channel) logger.warn({ arn, type: event['detail-type'], name: event.detail.event_name ?? event.detail.recording_status }, 'ivs event for an unknown channel ignored');
  return channel ?? null;
}

const streamIdsOf = (event: IvsEvent) => [event.detail.stream_id, ...(event.detail.recording_session_stream_ids ?? [])].filter((s): s is string => !!s);

/** The show a broadcast belongs to, locked: the one already carrying this stream id, else the armed one, else the closest scheduled one. */
async function showForBroadcast(db: DbOrTx, channel: IvsChannel, event: IvsEvent, at: Date): Promise<LiveShow | null> {
  const ids = streamIdsOf(event);
  if (ids.length) {
    const [byStream] = await db
      .select()
      .from(liveShows)
      .where(and(eq(liveShows.storeId, channel.storeId), inArray(liveShows.streamId, ids)))
      .for('update');
    if (byStream) return byStream;
  }
  if (channel.activeShowId) {
    const [armed] = await db.select().from(liveShows).where(eq(liveShows.id, channel.activeShowId)).for('update');
    if (armed && armed.status !== 'cancelled') {
      if (armed.status !== 'ended') return armed;
      // An armed show that ended: a reconnect resumes it; anything else looks for the next scheduled show.
      if (armed.endedAt && at > armed.endedAt && at.getTime() - armed.endedAt.getTime() <= RESUME_GRACE_MS) return armed;
      if (armed.endedAt && at <= armed.endedAt) return armed; // a late event of that broadcast: the show decides it is stale
    }
  }
  const [live] = await db
    .select()
    .from(liveShows)
    .where(and(eq(liveShows.storeId, channel.storeId), eq(liveShows.status, 'live')))
    .orderBy(desc(liveShows.startedAt))
    .limit(1)
    .for('update');
  if (live) return live;
  const [scheduled] = await db
    .select()
    .from(liveShows)
    .where(
      and(
        eq(liveShows.storeId, channel.storeId),
        eq(liveShows.status, 'scheduled'),
        sql`abs(extract(epoch from (${liveShows.scheduledAt} - ${at.toISOString()}::timestamptz))) * 1000 <= ${SCHEDULE_WINDOW_MS}`,
      ),
    )
    .orderBy(sql`abs(extract(epoch from (${liveShows.scheduledAt} - ${at.toISOString()}::timestamptz)))`, asc(liveShows.createdAt))
    .limit(1)
    .for('update');
  return scheduled ?? null;
}

async function storeName(db: DbOrTx, storeId: string): Promise<string> {
  const [s] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, storeId));
  return s?.name ?? 'VITA';
}

async function streamStart(db: DbOrTx, channel: IvsChannel, event: IvsEvent, at: Date) {
  const show = await showForBroadcast(db, channel, event, at);
  if (!show) {
    logger.warn({ channelArn: channel.channelArn, streamId: event.detail.stream_id }, 'stream started with no show to carry it');
    return { outcome: 'no_show' as const };
  }
  const streamId = event.detail.stream_id ?? show.streamId;
  if (show.status === 'cancelled') return { outcome: 'stale' as const, showId: show.id };
  if (show.stateEventAt && at <= show.stateEventAt) {
    // Late: never moves the show, but an unknown start time is still worth knowing.
    if (!show.startedAt || at < show.startedAt) {
      await db.update(liveShows).set({ startedAt: at, streamId: show.streamId ?? streamId, updatedAt: sql`now()` }).where(eq(liveShows.id, show.id));
    }
    return { outcome: show.status === 'live' && at.getTime() === show.stateEventAt.getTime() ? ('duplicate' as const) : ('stale' as const), showId: show.id };
  }
  if (show.status === 'live') {
    await db.update(liveShows).set({ stateEventAt: at, streamId, updatedAt: sql`now()` }).where(eq(liveShows.id, show.id));
    return { outcome: 'duplicate' as const, showId: show.id };
  }
  if (show.status === 'ended') {
    if (!show.endedAt || at.getTime() - show.endedAt.getTime() > RESUME_GRACE_MS) return { outcome: 'stale' as const, showId: show.id };
    await db.update(liveShows).set({ status: 'live', endedAt: null, stateEventAt: at, streamId, updatedAt: sql`now()` }).where(eq(liveShows.id, show.id));
    await publish(db, { channel: showChannel(show.id), kind: 'status', payload: { status: 'live', startedAt: (show.startedAt ?? at).toISOString(), endedAt: null } });
    return { outcome: 'resumed' as const, showId: show.id };
  }
  // scheduled → live
  await db
    .update(liveShows)
    .set({ status: 'live', startedAt: show.startedAt && show.startedAt < at ? show.startedAt : at, stateEventAt: at, streamId, updatedAt: sql`now()` })
    .where(eq(liveShows.id, show.id));
  await db.update(ivsChannels).set({ activeShowId: show.id }).where(eq(ivsChannels.id, channel.id));
  await publish(db, { channel: showChannel(show.id), kind: 'status', payload: { status: 'live', startedAt: at.toISOString(), endedAt: null } });
  const notified = await notifyFollowersLive(db, { id: show.id, storeId: show.storeId, slug: show.slug, title: show.title, storeName: await storeName(db, show.storeId) });
  logger.info({ showId: show.id, streamId, notified }, 'show is live');
  return { outcome: 'live' as const, showId: show.id };
}

async function streamEnd(db: DbOrTx, channel: IvsChannel, event: IvsEvent, at: Date) {
  const show = await showForBroadcast(db, channel, event, at);
  if (!show) return { outcome: 'no_show' as const };
  if (show.status === 'cancelled') return { outcome: 'stale' as const, showId: show.id };
  if (show.stateEventAt && at < show.stateEventAt) return { outcome: 'stale' as const, showId: show.id };
  if (show.status === 'ended') return { outcome: 'duplicate' as const, showId: show.id };
  await db
    .update(liveShows)
    .set({ status: 'ended', endedAt: at, stateEventAt: at, streamId: show.streamId ?? event.detail.stream_id ?? null, currentPinId: null, updatedAt: sql`now()` })
    .where(eq(liveShows.id, show.id));
  await db.update(livePins).set({ unpinnedAt: at }).where(and(eq(livePins.showId, show.id), isNull(livePins.unpinnedAt)));
  await publish(db, { channel: showChannel(show.id), kind: 'status', payload: { status: 'ended', startedAt: show.startedAt?.toISOString() ?? null, endedAt: at.toISOString() } });
  logger.info({ showId: show.id }, 'show ended');
  return { outcome: 'ended' as const, showId: show.id };
}

async function recordingStart(db: DbOrTx, channel: IvsChannel, event: IvsEvent, at: Date) {
  const show = await showForBroadcast(db, channel, event, at);
  if (!show) return { outcome: 'no_show' as const };
  if (show.recordingStatus === 'ready' || show.recordingStatus === 'failed') return { outcome: 'stale' as const, showId: show.id };
  if (show.recordingEventAt && at <= show.recordingEventAt) return { outcome: 'duplicate' as const, showId: show.id };
  await db
    .update(liveShows)
    .set({
      recordingStatus: 'recording',
      recordingStartedAt: show.recordingStartedAt && show.recordingStartedAt < at ? show.recordingStartedAt : at,
      recordingEventAt: at,
      recordingBucket: event.detail.recording_s3_bucket_name ?? show.recordingBucket,
      recordingPrefix: event.detail.recording_s3_key_prefix ?? show.recordingPrefix,
      streamId: show.streamId ?? event.detail.stream_id ?? null,
      updatedAt: sql`now()`,
    })
    .where(eq(liveShows.id, show.id));
  return { outcome: 'recording' as const, showId: show.id };
}

async function readEnded(deps: ApplyIvsEventDeps, event: IvsEvent) {
  const bucket = event.detail.recording_s3_bucket_name;
  const prefix = event.detail.recording_s3_key_prefix;
  if (!bucket || !prefix) return null;
  try {
    const json = await deps.readRecording(bucket, `${prefix.replace(/\/$/, '')}/events/recording-ended.json`);
    const parsed = ZRecordingEnded.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch (err) {
    logger.warn({ err, bucket, prefix }, 'recording-ended.json unreadable');
    return null;
  }
}

async function recordingEnd(
  db: DbOrTx,
  channel: IvsChannel,
  event: IvsEvent,
  at: Date,
  ended: Awaited<ReturnType<typeof readEnded>>,
  baseUrl: string,
) {
  const show = await showForBroadcast(db, channel, event, at);
  if (!show) return { outcome: 'no_show' as const };
  if (show.recordingStatus === 'ready') return { outcome: 'duplicate' as const, showId: show.id };
  const prefix = (event.detail.recording_s3_key_prefix ?? show.recordingPrefix ?? '').replace(/\/$/, '');
  const failed = event.detail.recording_status !== 'Recording End' || !ended || !prefix;
  const startedAt = ended?.recording_started_at ? new Date(ended.recording_started_at) : null;
  const replayUrl = failed ? null : `${baseUrl.replace(/\/$/, '')}/${prefix}/${ended!.media.hls.path.replace(/^\/|\/$/g, '')}/${ended!.media.hls.playlist}`;
  await db
    .update(liveShows)
    .set({
      recordingStatus: failed ? 'failed' : 'ready',
      recordingEventAt: at,
      recordingBucket: event.detail.recording_s3_bucket_name ?? show.recordingBucket,
      recordingPrefix: prefix || show.recordingPrefix,
      recordingStartedAt: startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : (show.recordingStartedAt ?? show.startedAt),
      recordingDurationMs: ended?.media.hls.duration_ms ?? event.detail.recording_duration_ms ?? null,
      replayUrl,
      updatedAt: sql`now()`,
    })
    .where(eq(liveShows.id, show.id));
  await publish(db, { channel: showChannel(show.id), kind: 'replay', payload: { ready: !failed } });
  if (failed) logger.warn({ showId: show.id, status: event.detail.recording_status, reason: event.detail.recording_status_reason }, 'recording failed or unreadable');
  return { outcome: failed ? ('recording_failed' as const) : ('replay_ready' as const), showId: show.id };
}
