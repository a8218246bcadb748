import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetStreamCommand, IvsClient } from '@aws-sdk/client-ivs';
import type { EventBridgeEvent } from 'aws-lambda';
import { createDb, type Db } from '../../../server/db/client';
import { applyIvsEvent, type ApplyIvsEventDeps, type IvsEventOutcome } from '../../../server/services/live/apply-ivs-event';

export type IvsEventsDeps = ApplyIvsEventDeps & {
  /** Cloud only: asks IVS whether the channel is broadcasting this stream right now (guards against stale ends). */
  isBroadcasting?: (channelArn: string, streamId: string) => Promise<boolean>;
};

/** A Stream End delivered this late is double-checked against IVS before it ends a show. */
const LATE_MS = 60_000;

/**
 * The handler the Lambda runs and the local live server (scripts/local/live-server.ts) calls with the same events.
 * Never throws for an event it cannot use (unknown channel, unknown shape): EventBridge would only retry it.
 */
export function createIvsEventsHandler(deps: () => IvsEventsDeps) {
  return async (event: EventBridgeEvent<string, Record<string, unknown>>): Promise<{ outcome: IvsEventOutcome; showId?: string }> => {
    const d = deps();
    const detail = event.detail as { event_name?: string; stream_id?: string };
    const channelArn = event.resources?.[0];
    if (
      d.isBroadcasting &&
      event['detail-type'] === 'IVS Stream State Change' &&
      detail.event_name === 'Stream End' &&
      channelArn &&
      detail.stream_id &&
      Date.now() - new Date(event.time).getTime() > LATE_MS &&
      (await d.isBroadcasting(channelArn, detail.stream_id).catch(() => false))
    ) {
      console.warn(JSON.stringify({ msg: 'ivs-events: late Stream End for a stream IVS reports live; ignored', channelArn, streamId: detail.stream_id }));
      return { outcome: 'stale' };
    }
    const result = await applyIvsEvent(d, event);
    console.log(JSON.stringify({ msg: 'ivs-events', type: event['detail-type'], id: event.id, channelArn, ...result }));
    return result;
  };
}

let cloud: IvsEventsDeps | undefined;

function cloudDeps(): IvsEventsDeps {
  if (cloud) return cloud;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  // One small pool per Lambda instance, reused across warm invocations.
  const { db } = createDb(url, 1) as { db: Db };
  const s3 = new S3Client({ requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 } });
  const ivs = new IvsClient({ requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 } });
  cloud = {
    db,
    recordingsBaseUrl: process.env.LIVE_RECORDINGS_BASE_URL ?? '',
    readRecording: async (bucket, key) => {
      const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const text = await out.Body?.transformToString();
      return text ? JSON.parse(text) : null;
    },
    isBroadcasting: async (channelArn, streamId) => {
      try {
        const out = await ivs.send(new GetStreamCommand({ channelArn }));
        return out.stream?.state === 'LIVE' && out.stream.streamId === streamId;
      } catch {
        return false; // ChannelNotBroadcasting: the end is real
      }
    },
  };
  return cloud;
}

export const handler = createIvsEventsHandler(cloudDeps);
