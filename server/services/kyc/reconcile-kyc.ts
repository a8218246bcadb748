import { and, asc, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { kycProvider, type KycProvider } from '../../adapters/kyc';
import type { Db } from '../../db/client';
import { kycEvents, kycSessions, type DiditStatus } from '../../db/schema';
import { env } from '../../env';
import { logger } from '../../log/logger';
import { applyKycReport } from './apply-kyc-status';
import { processKycEvent } from './process-kyc-event';

/** Statuses that can still move on their own; In Review waits for a reviewer (ours or DIDIT's) and is asked about too. */
const OPEN: DiditStatus[] = ['Not Started', 'In Progress', 'In Review', 'Awaiting User', 'Resubmitted'];
/** DIDIT allows ~100 decision polls a minute: stay well below. */
const POLL_BATCH = 40;

/**
 * Job `kyc.reconcile` (every few minutes): re-drives stored webhooks nobody processed (a crash after the ack), then
 * asks DIDIT's decision endpoint about sessions with no news for KYC_RECONCILE_AFTER_MINUTES. Some webhooks never
 * arrive (a firewall, an outage); this is how such a session still reaches its decision.
 */
export async function reconcileKyc({
  db,
  provider = kycProvider(),
  now = new Date(),
  staleMinutes = env().KYC_RECONCILE_AFTER_MINUTES,
}: {
  db: Db;
  provider?: KycProvider;
  now?: Date;
  staleMinutes?: number;
}): Promise<{ events: number; polled: number; changed: number; failed: number }> {
  const pending = await db
    .select({ id: kycEvents.id })
    .from(kycEvents)
    .where(and(isNull(kycEvents.processedAt), lt(kycEvents.receivedAt, new Date(now.getTime() - 60_000))))
    .orderBy(asc(kycEvents.receivedAt))
    .limit(200);
  for (const e of pending) await processKycEvent({ db, eventId: e.id });

  const cutoff = new Date(now.getTime() - staleMinutes * 60_000);
  const stale = await db
    .select()
    .from(kycSessions)
    .where(
      and(
        inArray(kycSessions.status, OPEN),
        isNull(kycSessions.reviewedAt),
        lt(kycSessions.updatedAt, cutoff),
        or(isNull(kycSessions.polledAt), lt(kycSessions.polledAt, cutoff)),
      ),
    )
    .orderBy(asc(kycSessions.updatedAt))
    .limit(POLL_BATCH);
  let changed = 0;
  let failed = 0;
  for (const s of stale) {
    try {
      const report = await provider.getDecision(s.providerSessionId);
      const { outcome } = await applyKycReport(db, s.id, { status: report.status, at: now, decision: report.decision, source: 'poll', actor: 'system:kyc.reconcile' });
      if (outcome === 'applied') changed++;
    } catch (err) {
      failed++;
      logger.warn({ err, kycSessionId: s.id }, 'kyc reconcile: decision poll failed');
    }
    await db.update(kycSessions).set({ polledAt: sql`now()` }).where(sql`${kycSessions.id} = ${s.id}`);
  }
  return { events: pending.length, polled: stale.length, changed, failed };
}
