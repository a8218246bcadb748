/**
 * Real-time layer: durable events + PostgreSQL LISTEN/NOTIFY fan-out + tRPC v11 subscriptions over SSE.
 *
 * Publishing (inside the transaction that writes the data the event is about):
 *   await publish(tx, { channel: `conv:${id}`, kind: 'message.created', payload: { ... } });
 *   await publishMany(tx, [...]);            // several channels, locked in a fixed order (no deadlocks)
 * Channels are "<word>:<id>" ("conv:<uuid>", "store:<uuid>", "user:<sub>", "show:<uuid>"). Each has a gapless
 * sequence (`realtime_channels.last_seq`); the event row goes to `realtime_events` and NOTIFY `vita_realtime` carries
 * only "<channel> <seq>" — PostgreSQL delivers it only when the transaction commits, to every instance.
 * Keep payloads small (ids + what a list row needs); authorization happens when subscribing, not per event.
 *
 * Subscribing (a tRPC procedure; authorize the caller for the channel FIRST):
 *   .input(z.object({ conversationId: z.string().uuid(), lastEventId: ZLastEventId }))
 *   .subscription(async function* ({ ctx, input, signal }) {
 *     await assertCanRead(ctx, input.conversationId);               // your domain's check
 *     yield* trackedEvents(
 *       getRealtimeHub().subscribe({ channel: `conv:${input.conversationId}`, lastEventId: input.lastEventId, signal: signal! }),
 *       (ev) => ({ kind: ev.kind, payload: ev.payload as MyPayload, at: ev.at }),   // or null to skip an event
 *     );
 *   })
 * Without lastEventId the stream starts at "now"; with one it replays every later event from the table first, then
 * goes live — each event exactly once, in order (a missed NOTIFY shows as a sequence gap and is read from the table).
 * To close the gap between a server-rendered list and the subscription, return `channelHead(db, channel)` with the
 * list and subscribe with `lastEventId: String(head)` ("0" = from the channel's first event).
 *
 * Client: the tRPC client already routes subscriptions to `httpSubscriptionLink` (components/providers/trpc.tsx),
 * so `useSubscription(trpc.x.onEvent.subscriptionOptions({ ... }, { onData }))` just works; `onData` receives
 * `{ id, data }`. The server ends each stream after SSE_CONFIG.maxDurationMs (20–25 s, drawn per stream; < Amplify's 30 s cut) and pings
 * every 10 s; the route (app/api/trpc) prefixes event streams with `retry: 250` (withSseRetry) so the browser is back
 * within ~250 ms instead of EventSource's default 3 s, sending Last-Event-ID; the stream resumes without loss or dups.
 *
 * One LISTEN connection per instance (`getRealtimeHub()`, its own 4-connection pool). Old events are pruned by the
 * `realtime.prune` job (kept REALTIME_RETENTION_DAYS); a client resuming from before that gets what is left.
 */
export { publish, publishMany, channelHead, assertChannel, PG_NOTIFY_CHANNEL, type PublishInput, type Published } from './publish';
export { RealtimeHub, createRealtimeHub, getRealtimeHub, setRealtimeHub, type RealtimeEvent } from './hub';
export { SSE_CONFIG, SSE_RETRY_MS, ZLastEventId, trackedEvents, withSseRetry } from './sse';
export { pruneRealtimeEvents, REALTIME_RETENTION_DAYS } from './prune';
