import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IvsLiveProvider } from './aws';

/**
 * A local HTTP stand-in for the IVS control plane. The provider under test is the real one (the code path that calls
 * AWS, SDK and SigV4 signing included), pointed at this stub with IVS_ENDPOINT-style configuration. The stub checks
 * what AWS would: POST to the operation's path, a JSON body, and a SigV4 Authorization header for the ivs service.
 */
type Seen = { path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders; at: number };
let seen: Seen[] = [];
let script: Array<(req: Seen) => { status: number; body?: unknown; errorType?: string } | undefined> = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const entry: Seen = { path: req.url ?? '', body: raw ? JSON.parse(raw) : {}, headers: req.headers, at: Date.now() };
      seen.push(entry);
      const answer = script.shift()?.(entry) ?? defaultAnswer(entry);
      res.statusCode = answer.status;
      res.setHeader('content-type', 'application/json');
      if (answer.errorType) res.setHeader('x-amzn-errortype', answer.errorType);
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  script = [];
});

const ARN = 'arn:aws:ivs:us-east-1:123456789012:channel/AbCdEf123456';

function defaultAnswer(req: Seen): { status: number; body?: unknown; errorType?: string } {
  switch (req.path) {
    case '/CreateChannel':
      return {
        status: 200,
        body: {
          channel: { arn: ARN, name: req.body.name, latencyMode: 'LOW', type: 'STANDARD', ingestEndpoint: 'abc.global-contribute.live-video.net', playbackUrl: 'https://abc.us-east-1.playback.live-video.net/api/video/v1/x.m3u8' },
          streamKey: { arn: 'arn:aws:ivs:us-east-1:123456789012:stream-key/k1', value: 'sk_us-east-1_secret1', channelArn: ARN },
        },
      };
    case '/CreateStreamKey':
      return { status: 200, body: { streamKey: { arn: 'arn:aws:ivs:us-east-1:123456789012:stream-key/k2', value: 'sk_us-east-1_secret2', channelArn: ARN } } };
    case '/DeleteStreamKey':
    case '/PutMetadata':
    case '/StopStream':
      return { status: 204 };
    default:
      return { status: 404, body: { message: 'unknown operation' } };
  }
}

function provider(extra: Partial<ConstructorParameters<typeof IvsLiveProvider>[0]> = {}) {
  return new IvsLiveProvider({
    region: 'us-east-1',
    endpoint,
    recordingConfigurationArn: 'arn:aws:ivs:us-east-1:123456789012:recording-configuration/rc1',
    throttleBackoffMs: 20,
    client: undefined,
    ...extra,
  });
}

function expectSigned(req: Seen) {
  expect(req.headers['content-type']).toMatch(/^application\/json/);
  expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/ivs\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
  expect(req.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  expect(req.headers['x-amz-content-sha256'] ?? 'unsigned-payload-not-required').toBeTruthy();
}

beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
});

describe('IVS provider against a local stub of the IVS API', () => {
  it('CreateChannel: low latency, recording configuration, tags; answers the channel and its one-time key', async () => {
    const out = await provider().createChannel({ name: 'vita-store-1', tags: { store: 's1' } });
    expect(out).toEqual({
      channelArn: ARN,
      ingestEndpoint: 'abc.global-contribute.live-video.net',
      playbackUrl: 'https://abc.us-east-1.playback.live-video.net/api/video/v1/x.m3u8',
      streamKey: { arn: 'arn:aws:ivs:us-east-1:123456789012:stream-key/k1', value: 'sk_us-east-1_secret1' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/CreateChannel');
    expect(seen[0]!.body).toEqual({
      name: 'vita-store-1',
      latencyMode: 'LOW',
      type: 'STANDARD',
      authorized: false,
      recordingConfigurationArn: 'arn:aws:ivs:us-east-1:123456789012:recording-configuration/rc1',
      tags: { store: 's1' },
    });
    expectSigned(seen[0]!);
  });

  it('rotates a key: DeleteStreamKey(old) then CreateStreamKey(channel); an already-deleted old key is fine', async () => {
    const key = await provider().rotateStreamKey({ channelArn: ARN, oldStreamKeyArn: 'arn:old' });
    expect(key).toEqual({ arn: 'arn:aws:ivs:us-east-1:123456789012:stream-key/k2', value: 'sk_us-east-1_secret2' });
    expect(seen.map((s) => [s.path, s.body])).toEqual([
      ['/DeleteStreamKey', { arn: 'arn:old' }],
      ['/CreateStreamKey', { channelArn: ARN }],
    ]);
    seen.forEach(expectSigned);

    script = [() => ({ status: 404, errorType: 'ResourceNotFoundException', body: { message: 'gone' } })];
    await expect(provider().rotateStreamKey({ channelArn: ARN, oldStreamKeyArn: 'arn:gone' })).resolves.toMatchObject({ value: 'sk_us-east-1_secret2' });
  });

  it('PutMetadata: sends the string; an offline channel answers not_broadcasting; over 1 KB is refused before calling', async () => {
    const p = provider();
    await expect(p.putMetadata(ARN, '{"type":"pin","productId":"p1"}')).resolves.toBe('sent');
    expect(seen[0]!.path).toBe('/PutMetadata');
    expect(seen[0]!.body).toEqual({ channelArn: ARN, metadata: '{"type":"pin","productId":"p1"}' });
    expectSigned(seen[0]!);

    script = [() => ({ status: 404, errorType: 'ChannelNotBroadcasting', body: { message: 'not live' } })];
    await expect(p.putMetadata(ARN, '{"x":1}')).resolves.toBe('not_broadcasting');

    const before = seen.length;
    await expect(p.putMetadata(ARN, 'x'.repeat(1025))).rejects.toThrow(/1024/);
    expect(seen.length).toBe(before);
  });

  it('retries a throttled PutMetadata with backoff, and gives up after the last attempt', async () => {
    const throttled = () => ({ status: 429, errorType: 'ThrottlingException', body: { message: 'slow down' } });
    script = [throttled, throttled];
    await expect(provider().putMetadata(ARN, '{"n":1}')).resolves.toBe('sent');
    expect(seen.map((s) => s.path)).toEqual(['/PutMetadata', '/PutMetadata', '/PutMetadata']);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(35); // 20 ms then 40 ms backoff

    seen = [];
    script = [throttled, throttled, throttled];
    await expect(provider({ metadataAttempts: 3 }).putMetadata(ARN, '{"n":2}')).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(seen).toHaveLength(3);
  });

  it('keeps a channel at 5 calls per second: a burst of 12 messages goes out batched as JSON arrays ≤ 1 KB', async () => {
    const p = provider();
    const msgs = Array.from({ length: 12 }, (_, i) => JSON.stringify({ type: 'pin', n: i, pad: 'x'.repeat(200) }));
    const results = await Promise.all(msgs.map((m) => p.putMetadata(ARN, m)));
    expect(results.every((r) => r === 'sent')).toBe(true);
    // Every message arrived exactly once, in order, across however many calls.
    const delivered = seen.flatMap((s) => {
      const text = s.body.metadata as string;
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
      const parsed = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : [parsed];
    });
    expect(delivered.map((d: { n: number }) => d.n)).toEqual(msgs.map((_, i) => i));
    expect(seen.length).toBeLessThan(12);
    // No window of one second holds more than 5 calls.
    for (let i = 5; i < seen.length; i++) expect(seen[i]!.at - seen[i - 5]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('messages too big to share a call go out one per call, never more than 5 in a second', async () => {
    const p = provider();
    const msgs = Array.from({ length: 8 }, (_, i) => JSON.stringify({ n: i, pad: 'y'.repeat(600) }));
    await Promise.all(msgs.map((m) => p.putMetadata(ARN, m)));
    expect(seen).toHaveLength(8);
    expect(seen.map((s) => JSON.parse(s.body.metadata as string).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (let i = 5; i < seen.length; i++) expect(seen[i]!.at - seen[i - 5]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('StopStream ignores an offline channel', async () => {
    script = [() => ({ status: 404, errorType: 'ChannelNotBroadcasting', body: { message: 'not live' } })];
    await expect(provider().stopStream(ARN)).resolves.toBeUndefined();
    expect(seen[0]!.path).toBe('/StopStream');
    expect(seen[0]!.body).toEqual({ channelArn: ARN });
  });
});
