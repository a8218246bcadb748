import postgres from 'postgres';
import { env } from '../env';
import { logger } from '../log/logger';
import { assertChannel, PG_NOTIFY_CHANNEL } from './publish';

export type RealtimeEvent = {
  channel: string;
  /** The channel's gapless sequence number; its string form is the SSE event id (tRPC `tracked`). */
  seq: number;
  kind: string;
  payload: unknown;
  at: Date;
};

type Waiter = { resolve: () => void };

/** One subscriber's mailbox: rows the hub offers, plus a flag saying "read the table, you may have missed some". */
class Mailbox {
  pending: RealtimeEvent[] = [];
  needsCatchUp = false;
  private waiter: Waiter | null = null;

  constructor(readonly channel: string) {}

  offer(ev: RealtimeEvent) {
    // A subscriber that does not keep up stops buffering and reads the table when it gets to it.
    if (this.pending.length >= 1000) {
      this.pending = [];
      this.needsCatchUp = true;
    } else this.pending.push(ev);
    this.wake();
  }

  requestCatchUp() {
    this.needsCatchUp = true;
    this.wake();
  }

  wake() {
    const w = this.waiter;
    this.waiter = null;
    w?.resolve();
  }

  /** Resolves when something was offered, a catch-up was asked for, or the signal aborts. */
  wait(signal: AbortSignal): Promise<void> {
    if (this.pending.length || this.needsCatchUp || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const onAbort = () => resolve();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiter = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
    });
  }
}

const PAGE = 500;

type Row = { channel: string; seq: string | number; kind: string; payload: unknown; created_at: Date };
const toEvent = (r: Row): RealtimeEvent => ({ channel: r.channel, seq: Number(r.seq), kind: r.kind, payload: r.payload, at: r.created_at });

/**
 * The per-process fan-out point: one LISTEN connection (postgres.js keeps it open and re-listens after a drop), a
 * map of local subscribers by channel, and one table read per notification shared by all of that channel's
 * subscribers. After the LISTEN connection (re)connects every subscriber re-reads the table from its cursor, so a
 * notification lost while disconnected costs latency, never an event.
 */
export class RealtimeHub {
  private readonly boxes = new Map<string, Set<Mailbox>>();
  private listening: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly inflight = new Map<string, Promise<RealtimeEvent | null>>();
  private closed = false;

  constructor(private readonly sql: postgres.Sql, private readonly ownsSql = false) {}

  /** Number of local subscribers (all channels); for metrics and the benchmark. */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.boxes.values()) n += set.size;
    return n;
  }

  private ensureListening(): Promise<void> {
    this.listening ??= this.sql
      .listen(
        PG_NOTIFY_CHANNEL,
        (value) => this.onNotify(value),
        () => this.onListen(),
      )
      .then((meta) => {
        this.unlisten = meta.unlisten;
      })
      .catch((err) => {
        this.listening = null;
        throw err;
      });
    return this.listening;
  }

  private onListen() {
    // First listen, or re-listen after the connection dropped: anything may have been missed in between.
    for (const set of this.boxes.values()) for (const box of set) box.requestCatchUp();
  }

  private onNotify(value: string) {
    const space = value.lastIndexOf(' ');
    const channel = value.slice(0, space);
    const seq = Number(value.slice(space + 1));
    const set = this.boxes.get(channel);
    if (!set?.size || !Number.isSafeInteger(seq)) return;
    const key = `${channel} ${seq}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.readOne(channel, seq).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    p.then(
      (ev) => {
        const current = this.boxes.get(channel);
        if (!current) return;
        for (const box of current) {
          if (ev) box.offer(ev);
          else box.requestCatchUp();
        }
      },
      (err) => {
        logger.warn({ err, channel, seq }, 'realtime: reading a notified event failed');
        for (const box of this.boxes.get(channel) ?? []) box.requestCatchUp();
      },
    );
  }

  private async readOne(channel: string, seq: number): Promise<RealtimeEvent | null> {
    const rows = await this.sql<Row[]>`select channel, seq, kind, payload, created_at from realtime_events where channel = ${channel} and seq = ${seq}`;
    return rows[0] ? toEvent(rows[0]) : null;
  }

  /** Events of a channel after `afterSeq`, oldest first. */
  async readAfter(channel: string, afterSeq: number, limit = PAGE): Promise<RealtimeEvent[]> {
    const rows = await this.sql<Row[]>`
      select channel, seq, kind, payload, created_at from realtime_events
      where channel = ${channel} and seq > ${afterSeq} order by seq limit ${limit}`;
    return rows.map(toEvent);
  }

  /** The channel's last sequence number (0 when nothing was ever published). */
  async head(channel: string): Promise<number> {
    const rows = await this.sql<{ last_seq: string | number }[]>`select last_seq from realtime_channels where channel = ${channel}`;
    return rows[0] ? Number(rows[0].last_seq) : 0;
  }

  /**
   * Events of `channel` after `lastEventId` (or, without one, from now on), each exactly once and in order, until
   * `signal` aborts. A subscriber registers before it reads the table, so nothing falls between catch-up and live.
   */
  async *subscribe(opts: { channel: string; lastEventId?: string | number | null; signal: AbortSignal }): AsyncGenerator<RealtimeEvent> {
    assertChannel(opts.channel);
    if (this.closed) throw new Error('realtime hub closed');
    await this.ensureListening();
    const box = new Mailbox(opts.channel);
    const set = this.boxes.get(opts.channel) ?? new Set<Mailbox>();
    this.boxes.set(opts.channel, set);
    set.add(box);
    try {
      const given = opts.lastEventId == null || opts.lastEventId === '' ? null : Number(opts.lastEventId);
      let cursor = given !== null && Number.isSafeInteger(given) && given >= 0 ? given : await this.head(opts.channel);
      box.needsCatchUp = true;
      while (!opts.signal.aborted) {
        await box.wait(opts.signal);
        if (opts.signal.aborted) break;
        if (box.needsCatchUp) {
          box.needsCatchUp = false;
          box.pending = [];
          for (;;) {
            const page = await this.readAfter(opts.channel, cursor);
            for (const ev of page) {
              cursor = ev.seq;
              yield ev;
            }
            if (page.length < PAGE || opts.signal.aborted) break;
          }
          continue;
        }
        const batch = box.pending.sort((a, b) => a.seq - b.seq);
        box.pending = [];
        for (const ev of batch) {
          if (ev.seq <= cursor) continue; // already delivered (duplicate notification or catch-up overlap)
          if (ev.seq !== cursor + 1) {
            // A gap: a notification was missed. The table has everything; read it from the cursor.
            box.requestCatchUp();
            break;
          }
          cursor = ev.seq;
          yield ev;
        }
      }
    } finally {
      set.delete(box);
      if (!set.size && this.boxes.get(opts.channel) === set) this.boxes.delete(opts.channel);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.boxes.values()) for (const box of set) box.wake();
    await this.unlisten?.().catch(() => {});
    if (this.ownsSql) await this.sql.end({ timeout: 2 });
  }
}

/** A hub on its own small connection pool (one LISTEN connection + reads). */
export function createRealtimeHub(databaseUrl: string): RealtimeHub {
  const sql = postgres(databaseUrl, { max: 4, idle_timeout: 60, connect_timeout: 10, onnotice: () => {} });
  return new RealtimeHub(sql, true);
}

const globalForHub = globalThis as unknown as { vitaRealtimeHub?: RealtimeHub };

/** The process-wide hub (survives dev hot reloads): one LISTEN connection per instance. */
export function getRealtimeHub(): RealtimeHub {
  globalForHub.vitaRealtimeHub ??= createRealtimeHub(env().DATABASE_URL);
  return globalForHub.vitaRealtimeHub;
}

/** Tests and benchmarks point the process-wide hub at their own database. */
export function setRealtimeHub(hub: RealtimeHub | undefined): void {
  globalForHub.vitaRealtimeHub = hub;
}
