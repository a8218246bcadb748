import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** Stable hash of a request body: keys sorted at every level, so property order does not matter. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return crypto.createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Claims (scope, key) for this request inside the caller's transaction. Returns the stored response when the same
 * key and body already succeeded (the caller answers it again, doing nothing), throws CONFLICT when the key was
 * used with another body. A concurrent request with the same key waits on the unique index until the first commits
 * or rolls back — so two double-clicks never both run.
 */
export async function claimIdempotencyKey<T>(
  db: DbOrTx,
  { scope, key, body }: { scope: string; key: string; body: unknown },
): Promise<{ replay: T } | { claimed: true; save: (response: T) => Promise<void> }> {
  const hash = requestHash(body);
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
  if (!inserted.length) {
    const [row] = await db.select().from(idempotencyKeys).where(where);
    if (!row || row.requestHash !== hash) {
      throw new AppError('CONFLICT', {
        key: 'checkout.idempotencyReused',
        data: { reason: 'IDEMPOTENCY_KEY_REUSED' },
      });
    }
    // The response is written in the same transaction as the claim, so a committed claim always has one.
    return { replay: row.response as T };
  }
  return {
    claimed: true,
    save: async (response: T) => {
      await db.update(idempotencyKeys).set({ response: response as never }).where(where);
    },
  };
}
