import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

export type Check = { ok: boolean; ms: number; error?: string };

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), error: err instanceof Error ? err.message.slice(0, 200) : 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness: the database answers, and the job queue (pg-boss, in the same PostgreSQL) is installed and readable.
 * Each check has its own timeout so a hung dependency answers 503 quickly instead of hanging the probe.
 */
export async function readiness(db: Db, timeoutMs = 2000): Promise<{ ok: boolean; checks: { database: Check; queue: Check } }> {
  const [database, queue] = await Promise.all([
    timed(() => db.execute(sql`select 1`), timeoutMs),
    timed(async () => {
      const rows = (await db.execute(sql`select version from pgboss.version limit 1`)) as unknown as { version: number }[];
      if (!rows[0]) throw new Error('pg-boss is not installed');
    }, timeoutMs),
  ]);
  return { ok: database.ok && queue.ok, checks: { database, queue } };
}
