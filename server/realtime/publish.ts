import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/** The one PostgreSQL NOTIFY channel every instance listens on; the payload is only "<channel> <seq>". */
export const PG_NOTIFY_CHANNEL = 'vita_realtime';

/** "conv:<uuid>", "store:<uuid>", "user:<id>", "show:<uuid>": a word, a colon, an id. */
const CHANNEL_RE = /^[a-z][a-z0-9_-]{0,31}:[A-Za-z0-9_.@-]{1,128}$/;

export type PublishInput = { channel: string; kind: string; payload: unknown };
export type Published = { channel: string; seq: number };

export function assertChannel(channel: string): void {
  if (!CHANNEL_RE.test(channel)) throw new Error(`invalid realtime channel "${channel}"`);
}

/**
 * Appends an event to a channel inside the caller's transaction (pass the `tx` that writes the data the event is
 * about, so the event exists exactly when that data is committed). Takes the channel row's lock until commit: within
 * a channel, sequence order = commit order. NOTIFY is delivered by PostgreSQL only if the transaction commits.
 */
export async function publish(db: DbOrTx, input: PublishInput): Promise<Published> {
  assertChannel(input.channel);
  const payload = JSON.stringify(input.payload ?? null);
  const rows = await db.execute<{ seq: string | number }>(sql`
    with s as (
      insert into realtime_channels (channel, last_seq) values (${input.channel}, 1)
      on conflict (channel) do update set last_seq = realtime_channels.last_seq + 1
      returning last_seq
    ), e as (
      insert into realtime_events (channel, seq, kind, payload)
      select ${input.channel}, s.last_seq, ${input.kind}, ${payload}::jsonb from s
      returning seq
    )
    select e.seq, pg_notify(${PG_NOTIFY_CHANNEL}, ${input.channel} || ' ' || e.seq::text) from e`);
  const seq = Number(rows[0]!.seq);
  return { channel: input.channel, seq };
}

/** Several events in one transaction; channels are locked in a fixed order so concurrent publishers never deadlock. */
export async function publishMany(db: DbOrTx, inputs: PublishInput[]): Promise<Published[]> {
  const order = inputs.map((input, i) => ({ input, i })).sort((a, b) => (a.input.channel < b.input.channel ? -1 : a.input.channel > b.input.channel ? 1 : a.i - b.i));
  const out: Published[] = new Array(inputs.length);
  for (const { input, i } of order) out[i] = await publish(db, input);
  return out;
}

/**
 * The channel's last sequence number (0 if nothing was published yet). A page that renders a list returns this with
 * it and subscribes with `lastEventId: String(head)`, so no event falls between the render and the subscription.
 */
export async function channelHead(db: DbOrTx, channel: string): Promise<number> {
  assertChannel(channel);
  const rows = await db.execute<{ last_seq: string | number }>(sql`select last_seq from realtime_channels where channel = ${channel}`);
  return rows[0] ? Number(rows[0].last_seq) : 0;
}
