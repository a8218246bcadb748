import { describe, expect, it } from 'vitest';
import { appRouter } from '../trpc/root';
import { SSE_CONFIG, SSE_DURATION_JITTER_MS, SSE_MIN_DURATION_MS, streamDurationMs } from './sse';

describe('SSE stream length', () => {
  it('is drawn per stream between 20 and 25 s, under Amplify Hosting’s 30 s cut', () => {
    expect(streamDurationMs(() => 0)).toBe(SSE_MIN_DURATION_MS);
    expect(streamDurationMs(() => 0.99999)).toBe(SSE_MIN_DURATION_MS + SSE_DURATION_JITTER_MS - 1);
    expect(SSE_MIN_DURATION_MS + SSE_DURATION_JITTER_MS).toBeLessThanOrEqual(25_000);
  });

  it('differs between streams opened by the app’s router (tRPC reads the value each time it opens one)', () => {
    // The same object the app's initTRPC got: a copy made at startup would freeze one value for every stream.
    const sse = (appRouter._def._config as { sse?: { maxDurationMs?: number } }).sse!;
    const seen = Array.from({ length: 40 }, () => sse.maxDurationMs!);
    for (const v of seen) expect(v).toBeGreaterThanOrEqual(SSE_MIN_DURATION_MS);
    for (const v of seen) expect(v).toBeLessThan(SSE_MIN_DURATION_MS + SSE_DURATION_JITTER_MS);
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(SSE_CONFIG.ping.intervalMs).toBeLessThan(SSE_MIN_DURATION_MS);
  });
});
