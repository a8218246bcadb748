import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { outbox } from '../../db/schema';

/** A retried message waits 30 s × 2^attempts after it was queued before the sweep offers it again. */
const RETRY_BASE_SEC = 30;

/**
 * Pending emails to hand to delivery now, oldest first, at most `limit`. Never-tried messages are due at once (a
 * kick right after the caller's commit sends them promptly; the minute cron covers a kick lost to a crash); a message
 * that already failed is due again only after a backoff, so the sweep never hammers a failing transport faster than
 * pg-boss's own retries do.
 */
export async function findDueEmails({ db, limit = 500 }: { db: DbOrTx; limit?: number }): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        eq(outbox.kind, 'email'),
        or(eq(outbox.attempts, 0), lt(outbox.createdAt, sql`now() - make_interval(secs => ${RETRY_BASE_SEC} * power(2, ${outbox.attempts}))`)),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
