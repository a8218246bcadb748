import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { kycEvents, kycSessions, type DiditStatus } from '../../db/schema';
import { isDiditStatus } from '../../adapters/kyc/didit';
import { applyKycReport, type ApplyOutcome } from './apply-kyc-status';

/**
 * Acts on one stored DIDIT webhook (job `kyc.event`). Safe to run any number of times: a processed event is
 * skipped, and applyKycReport ignores what it already knows or what is older than it.
 */
export async function processKycEvent({ db, eventId }: { db: Db; eventId: string }): Promise<ApplyOutcome | 'skipped' | 'no_session' | 'no_status'> {
  const [e] = await db.select().from(kycEvents).where(eq(kycEvents.id, eventId));
  if (!e || e.processedAt) return 'skipped';
  const [s] = await db
    .select({ id: kycSessions.id })
    .from(kycSessions)
    .where(and(eq(kycSessions.provider, e.provider), eq(kycSessions.providerSessionId, e.providerSessionId)));
  let outcome: ApplyOutcome | 'no_session' | 'no_status';
  if (!s) outcome = 'no_session';
  else if (!isDiditStatus(e.status)) outcome = 'no_status';
  else {
    const decision = e.payload.decision;
    ({ outcome } = await applyKycReport(db, s.id, {
      status: e.status as DiditStatus,
      at: e.eventAt,
      decision: typeof decision === 'object' && decision !== null ? (decision as Record<string, unknown>) : null,
      source: 'webhook',
      actor: 'provider:didit',
    }));
  }
  await db
    .update(kycEvents)
    .set({ processedAt: sql`now()`, outcome })
    .where(and(eq(kycEvents.id, e.id), isNull(kycEvents.processedAt)));
  return outcome;
}
