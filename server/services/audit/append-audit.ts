import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, type AuditEntry } from '../../db/schema';
import { entryHash, GENESIS_HASH } from './hash';

/** What callers record. `actor`/`subject` are typed strings: `user:<sub>`, `admin:<sub>`, `system:<job>`, `store:<id>`… */
export type AuditInput = { actor: string; action: string; subject: string; data?: Record<string, unknown> };

/** Any fixed 64-bit key; every append takes it, so appends are one at a time and the chain cannot fork. */
const AUDIT_LOCK_KEY = 7_304_112_020_061n;

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry commits or rolls back with the
 * action it records. Appends are serialized by a transaction-scoped advisory lock (held until the caller commits):
 * the next append waits and then reads this entry as its predecessor. Called with the root db handle it opens its
 * own transaction. Keep audited transactions short: they queue behind each other here.
 */
export async function appendAudit(db: DbOrTx, entry: AuditInput): Promise<AuditEntry> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY.toString()}::bigint)`);
    const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    // Millisecond precision: the column stores exactly what the hash covered.
    const at = new Date(Math.max(Date.now(), 0));
    const fields = { at, actor: entry.actor, action: entry.action, subject: entry.subject, data: jsonSafe(entry.data ?? {}) };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const [row] = await tx
      .insert(auditLog)
      .values({ seq: (last?.seq ?? 0) + 1, ...fields, prevHash, hash: entryHash(prevHash, fields) })
      .returning();
    return row!;
  });
}

/** Round-trips through JSON so what is hashed is exactly what jsonb stores and gives back (Dates → ISO, undefined dropped). */
function jsonSafe(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
