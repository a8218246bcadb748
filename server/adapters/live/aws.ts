import {
  ChannelNotBroadcasting,
  CreateChannelCommand,
  CreateStreamKeyCommand,
  DeleteStreamKeyCommand,
  IvsClient,
  PutMetadataCommand,
  StopStreamCommand,
  ThrottlingException,
  type ChannelType,
} from '@aws-sdk/client-ivs';
import { logger } from '../../log/logger';
import { MAX_METADATA_BYTES, type CreatedChannel, type LiveProvider, type MetadataResult, type StreamKey } from './index';

export type IvsLiveProviderOptions = {
  region: string;
  /** Overrides the regional endpoint (tests point it at a local stub that checks the request shapes). */
  endpoint?: string;
  /** Recording to S3 (the configuration is created by the Amplify livestream stack). */
  recordingConfigurationArn?: string;
  channelType?: string;
  client?: IvsClient;
  /** PutMetadata calls per second per channel (IVS: 5). */
  metadataRatePerSecond?: number;
  /** Attempts for a throttled PutMetadata (first call included). */
  metadataAttempts?: number;
  /** Base backoff after a ThrottlingException, doubled per attempt. */
  throttleBackoffMs?: number;
};

type Pending = { text: string; resolve: (r: MetadataResult) => void; reject: (e: unknown) => void };

/**
 * Per channel: at most `rate` PutMetadata calls in any second; messages that queue up meanwhile go out together in
 * one call (a JSON array of the messages, ≤ 1 KB), and a throttled call is retried with backoff. In-process only —
 * several instances can still exceed the limit together, which the throttling retry absorbs.
 */
class MetadataLane {
  private readonly queue: Pending[] = [];
  private readonly recent: number[] = [];
  private running = false;

  constructor(
    private readonly send: (text: string) => Promise<MetadataResult>,
    private readonly rate: number,
  ) {}

  push(text: string): Promise<MetadataResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) {
        const now = Date.now();
        while (this.recent.length && now - this.recent[0]! >= WINDOW_MS) this.recent.shift();
        if (this.recent.length >= this.rate) {
          await sleep(WINDOW_MS - (now - this.recent[0]!) + 1);
          continue;
        }
        const batch = takeBatch(this.queue);
        this.recent.push(Date.now());
        const text = batch.length === 1 ? batch[0]!.text : `[${batch.map((p) => p.text).join(',')}]`;
        try {
          const result = await this.send(text);
          for (const p of batch) p.resolve(result);
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/** As many queued messages as fit in one ≤ 1 KB payload (a lone message is sent as is). */
function takeBatch(queue: Pending[]): Pending[] {
  const first = queue.shift()!;
  const batch = [first];
  let bytes = Buffer.byteLength(first.text) + 2;
  while (queue.length) {
    const next = Buffer.byteLength(queue[0]!.text) + 1;
    if (bytes + next > MAX_METADATA_BYTES) break;
    bytes += next;
    batch.push(queue.shift()!);
  }
  return batch;
}

/**
 * IVS counts PutMetadata calls per second as they arrive; calls leave here spaced by a slightly longer window so
 * network jitter cannot bunch 6 arrivals into one second (seen in tests: two sends 1,001 ms apart arrived 988 ms apart).
 */
const WINDOW_MS = 1100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class IvsLiveProvider implements LiveProvider {
  readonly name = 'ivs' as const;
  private readonly client: IvsClient;
  private readonly lanes = new Map<string, MetadataLane>();

  constructor(private readonly opts: IvsLiveProviderOptions) {
    this.client =
      opts.client ??
      new IvsClient({
        region: opts.region,
        ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
        // Every external call has a timeout. Throttled PutMetadata is retried (with backoff) by the lane; the control
        // calls run on a seller's click, who can simply try again.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 8_000 },
        maxAttempts: 1,
      });
  }

  async createChannel({ name, tags }: { name: string; tags?: Record<string, string> }): Promise<CreatedChannel> {
    const out = await this.client.send(
      new CreateChannelCommand({
        name,
        latencyMode: 'LOW',
        type: (this.opts.channelType ?? 'STANDARD') as ChannelType,
        authorized: false,
        ...(this.opts.recordingConfigurationArn ? { recordingConfigurationArn: this.opts.recordingConfigurationArn } : {}),
        tags,
      }),
    );
    const channel = out.channel;
    const key = out.streamKey;
    if (!channel?.arn || !channel.ingestEndpoint || !channel.playbackUrl || !key?.arn || !key.value) {
      throw new Error('IVS CreateChannel answered without channel or stream key');
    }
    return {
      channelArn: channel.arn,
      ingestEndpoint: channel.ingestEndpoint,
      playbackUrl: channel.playbackUrl,
      streamKey: { arn: key.arn, value: key.value },
    };
  }

  async rotateStreamKey({ channelArn, oldStreamKeyArn }: { channelArn: string; oldStreamKeyArn: string }): Promise<StreamKey> {
    try {
      await this.client.send(new DeleteStreamKeyCommand({ arn: oldStreamKeyArn }));
    } catch (err) {
      // Already gone (an earlier rotation failed half-way): creating the new key is what matters.
      if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
    }
    const out = await this.client.send(new CreateStreamKeyCommand({ channelArn }));
    if (!out.streamKey?.arn || !out.streamKey.value) throw new Error('IVS CreateStreamKey answered without a key');
    return { arn: out.streamKey.arn, value: out.streamKey.value };
  }

  async stopStream(channelArn: string): Promise<void> {
    try {
      await this.client.send(new StopStreamCommand({ channelArn }));
    } catch (err) {
      if (!(err instanceof ChannelNotBroadcasting)) throw err;
    }
  }

  putMetadata(channelArn: string, metadata: string): Promise<MetadataResult> {
    if (Buffer.byteLength(metadata) > MAX_METADATA_BYTES) {
      return Promise.reject(new Error(`timed metadata over ${MAX_METADATA_BYTES} bytes`));
    }
    let lane = this.lanes.get(channelArn);
    if (!lane) {
      lane = new MetadataLane((text) => this.sendMetadata(channelArn, text), this.opts.metadataRatePerSecond ?? 5);
      this.lanes.set(channelArn, lane);
    }
    return lane.push(metadata);
  }

  private async sendMetadata(channelArn: string, metadata: string): Promise<MetadataResult> {
    const attempts = this.opts.metadataAttempts ?? 4;
    const backoff = this.opts.throttleBackoffMs ?? 250;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new PutMetadataCommand({ channelArn, metadata }));
        return 'sent';
      } catch (err) {
        if (err instanceof ChannelNotBroadcasting) return 'not_broadcasting';
        if (err instanceof ThrottlingException && attempt < attempts) {
          logger.debug({ channelArn, attempt }, 'IVS PutMetadata throttled; retrying');
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        throw err;
      }
    }
  }

  ingestUrls(ingestEndpoint: string) {
    return { rtmps: `rtmps://${ingestEndpoint}:443/app/`, rtmp: `rtmp://${ingestEndpoint}/app/` };
  }
}
