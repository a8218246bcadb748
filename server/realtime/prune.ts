import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { realtimeEvents } from '../db/schema/realtime';

/** Events older than this are deleted; clients reconnect within seconds, lists are re-read on page load anyway. */
export const REALTIME_RETENTION_DAYS = 7;

/** Deletes old events (channel rows stay, so sequences never restart). Idempotent. */
export async function pruneRealtimeEvents(opts: { db: DbOrTx; now?: Date; days?: number }): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - (opts.days ?? REALTIME_RETENTION_DAYS) * 86_400_000);
  const rows = await opts.db.delete(realtimeEvents).where(lt(realtimeEvents.createdAt, cutoff)).returning({ seq: realtimeEvents.seq });
  return rows.length;
}
