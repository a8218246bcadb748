import { tracked, type TrackedEnvelope } from '@trpc/server';
import { z } from 'zod';
import type { RealtimeEvent } from './hub';

/**
 * SSE settings for every tRPC subscription (server/trpc/init.ts `sse`). Amplify Hosting cuts a request at 30 s, so the
 * server ends each stream itself before that; the client (httpSubscriptionLink) reconnects at once with the last
 * event id it saw and the subscription resumes right after it. Pings keep proxies from closing an idle stream, and a
 * client that hears nothing (not even a ping) for `reconnectAfterInactivityMs` reconnects on its own.
 */
export const SSE_CONFIG = {
  ping: { enabled: true, intervalMs: 10_000 },
  /**
   * Drawn per stream between 20 and 25 s (tRPC reads it each time it opens one). A fixed length keeps clients that
   * connected together (a page of viewers opened by one notification, everyone after a deploy) reconnecting together
   * every 25 s: bench:chat measured delivery p95 30 ms with 500 subscribers between such waves and 476 ms across one.
   * The jitter spreads the waves out.
   */
  get maxDurationMs(): number {
    return streamDurationMs();
  },
  client: { reconnectAfterInactivityMs: 22_000 },
} as const;

export const SSE_MIN_DURATION_MS = 20_000;
export const SSE_DURATION_JITTER_MS = 5_000;
export function streamDurationMs(random: () => number = Math.random): number {
  return SSE_MIN_DURATION_MS + Math.floor(random() * SSE_DURATION_JITTER_MS);
}

/** Input every resumable subscription accepts; httpSubscriptionLink fills `lastEventId` on reconnect. */
export const ZLastEventId = z
  .string()
  .regex(/^\d{1,15}$/, 'lastEventId inválido.')
  .nullish();

/** Realtime events → tRPC tracked envelopes (the event id is the channel sequence number). */
export async function* trackedEvents<T>(events: AsyncIterable<RealtimeEvent>, map: (ev: RealtimeEvent) => T | null): AsyncGenerator<TrackedEnvelope<T>> {
  for await (const ev of events) {
    const data = map(ev);
    if (data !== null) yield tracked(String(ev.seq), data);
  }
}

/** How soon a browser reconnects after the server ended a stream (EventSource's default is ~3 s). */
export const SSE_RETRY_MS = 250;

/**
 * tRPC's SSE producer does not send a `retry:` field, so after each planned stream end (maxDurationMs) browsers would
 * wait their default ~3 s before resuming. The tRPC route prefixes event streams with `retry: SSE_RETRY_MS`.
 */
export function withSseRetry(res: Response, retryMs = SSE_RETRY_MS): Response {
  if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) return res;
  const prefix = new TextEncoder().encode(`retry: ${retryMs}\n\n`);
  const reader = res.body.getReader();
  let sentPrefix = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentPrefix) {
        sentPrefix = true;
        controller.enqueue(prefix);
        return;
      }
      const chunk = await reader.read();
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const headers = new Headers(res.headers);
  // Proxies (nginx and friends) must not buffer an event stream.
  headers.set('x-accel-buffering', 'no');
  headers.set('cache-control', 'no-cache, no-transform');
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
