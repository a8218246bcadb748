import { env } from '../../env';
import { IvsLiveProvider } from './aws';
import { LocalLiveProvider } from './local';

/**
 * Streaming channels: Amazon IVS in the cloud, the local RTMP→HLS server (scripts/local/live-server.ts) otherwise.
 * One channel per store, created on first use. Stream keys are returned here once and never stored in clear.
 */
export interface LiveProvider {
  readonly name: 'ivs' | 'local';
  createChannel(opts: { name: string; tags?: Record<string, string> }): Promise<CreatedChannel>;
  /** IVS allows one key per channel: the old key is deleted first (which also ends a stream using it for good). */
  rotateStreamKey(opts: { channelArn: string; oldStreamKeyArn: string }): Promise<StreamKey>;
  /** Disconnects the encoder (it may reconnect unless the key was rotated). */
  stopStream(channelArn: string): Promise<void>;
  /**
   * Timed metadata for every viewer's player (≤ 1 KB per call, ≤ 5 calls/s per channel). Messages for one channel
   * are batched into one call when they queue up, and retried on throttling.
   * 'sent' | 'not_broadcasting' (the channel is offline) | 'not_supported' (local: pins travel over SSE only).
   */
  putMetadata(channelArn: string, metadata: string): Promise<MetadataResult>;
  /** Ingest URLs for an encoder (OBS): RTMPS in the cloud, RTMP locally. */
  ingestUrls(ingestEndpoint: string): { rtmps: string | null; rtmp: string };
}

export type StreamKey = { arn: string; value: string };
export type CreatedChannel = { channelArn: string; ingestEndpoint: string; playbackUrl: string; streamKey: StreamKey };
export type MetadataResult = 'sent' | 'not_broadcasting' | 'not_supported';

/** IVS PutMetadata limit. */
export const MAX_METADATA_BYTES = 1024;

const globalForLive = globalThis as unknown as { vitaLiveProvider?: LiveProvider };

export function liveProvider(): LiveProvider {
  globalForLive.vitaLiveProvider ??= createLiveProviderFromEnv();
  return globalForLive.vitaLiveProvider;
}

/** Tests swap the provider (e.g. an IVS provider pointed at a local stub). */
export function setLiveProvider(provider: LiveProvider | undefined): void {
  globalForLive.vitaLiveProvider = provider;
}

function createLiveProviderFromEnv(): LiveProvider {
  const e = env();
  if (e.LIVE_PROVIDER === 'ivs') {
    return new IvsLiveProvider({
      region: e.IVS_REGION,
      endpoint: e.IVS_ENDPOINT,
      recordingConfigurationArn: e.IVS_RECORDING_CONFIGURATION_ARN,
      channelType: e.IVS_CHANNEL_TYPE,
    });
  }
  return new LocalLiveProvider({ rtmpUrl: e.LIVE_RTMP_URL, hlsBaseUrl: e.LIVE_HLS_BASE_URL });
}

export { IvsLiveProvider } from './aws';
export { LocalLiveProvider } from './local';
