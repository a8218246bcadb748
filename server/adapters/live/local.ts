import crypto from 'node:crypto';
import type { CreatedChannel, LiveProvider, MetadataResult, StreamKey } from './index';

/** Local channel ARNs look like IVS ones so the same columns and event handler work: arn:vita:ivs:local:0:channel/<id>. */
export const LOCAL_ARN_PREFIX = 'arn:vita:ivs:local:0:channel/';

export function localChannelId(channelArn: string): string | null {
  return channelArn.startsWith(LOCAL_ARN_PREFIX) ? channelArn.slice(LOCAL_ARN_PREFIX.length) : null;
}

/** A high-entropy key like IVS's `sk_<region>_…`. */
export function newLocalStreamKey(): string {
  return `sk_local_${crypto.randomBytes(18).toString('base64url')}`;
}

/**
 * The local live server (scripts/local/live-server.ts) is the channel: it accepts RTMP publishes whose key hashes to
 * a channel's `stream_key_hash`, serves HLS at `<hlsBaseUrl>/hls/<channel id>/index.m3u8`, records to local media
 * storage and emits the same EventBridge-shaped lifecycle events. Nothing to create remotely: a channel is an id.
 */
export class LocalLiveProvider implements LiveProvider {
  readonly name = 'local' as const;

  constructor(private readonly opts: { rtmpUrl: string; hlsBaseUrl: string }) {}

  async createChannel(): Promise<CreatedChannel> {
    const id = crypto.randomBytes(8).toString('hex');
    const u = new URL(this.opts.rtmpUrl);
    return {
      channelArn: `${LOCAL_ARN_PREFIX}${id}`,
      ingestEndpoint: u.host,
      playbackUrl: `${this.opts.hlsBaseUrl.replace(/\/$/, '')}/hls/${id}/index.m3u8`,
      streamKey: { arn: `${LOCAL_ARN_PREFIX}${id}/key/${crypto.randomBytes(6).toString('hex')}`, value: newLocalStreamKey() },
    };
  }

  async rotateStreamKey({ channelArn }: { channelArn: string }): Promise<StreamKey> {
    return { arn: `${channelArn}/key/${crypto.randomBytes(6).toString('hex')}`, value: newLocalStreamKey() };
  }

  async stopStream(): Promise<void> {
    // The local server drops a publisher whose key no longer matches a channel (rotation); nothing else to stop.
  }

  async putMetadata(_channelArn?: string, _metadata?: string): Promise<MetadataResult> {
    // The local HLS has no timed-metadata track the IVS player would surface; pins reach viewers over SSE.
    return 'not_supported';
  }

  ingestUrls(ingestEndpoint: string) {
    const path = new URL(this.opts.rtmpUrl).pathname.replace(/\/$/, '') || '/live';
    return { rtmps: null, rtmp: `rtmp://${ingestEndpoint}${path}` };
  }
}
