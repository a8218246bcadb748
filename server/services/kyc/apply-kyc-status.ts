import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { kycSessions, stores, type DiditStatus, type KycSession } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { STORE_STATUS_OF } from './status-map';

export type KycReport = {
  status: DiditStatus;
  /** When the provider (or admin) said it; an older report than the one applied is ignored (out-of-order delivery). */
  at: Date;
  decision?: Record<string, unknown> | null;
  source: 'webhook' | 'poll' | 'admin' | 'start';
  /** Audit actor: `provider:didit`, `system:kyc.reconcile`, `admin:<sub>`. */
  actor: string;
  review?: { by: string; note: string | null };
};

export type ApplyOutcome = 'applied' | 'stale' | 'unchanged';

/**
 * The one place a KYC session's status (and from it the store's kyc_status) changes. Idempotent: the same report
 * twice changes nothing; a report older than the last applied one is ignored. Runs in a transaction with the
 * session row locked, and records the change in the audit log.
 *
 * The store follows its newest session, except that a newer attempt in progress never takes away an approval —
 * only a decision does (Declined on the latest session, Kyc Expired).
 */
export async function applyKycReport(db: DbOrTx, sessionId: string, report: KycReport): Promise<{ outcome: ApplyOutcome; session: KycSession }> {
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(kycSessions).where(eq(kycSessions.id, sessionId)).for('update');
    if (!s) throw new Error(`kyc session ${sessionId} not found`);
    // Two reviewers (or a reviewer and DIDIT) at once: the second finds it already decided.
    if (report.source === 'admin' && s.status !== 'In Review') {
      throw new AppError('CONFLICT', { key: 'kyc.notInReview', data: { reason: 'NOT_IN_REVIEW', status: s.status } });
    }
    // Provider timestamps are whole seconds: compare at that grain, so a report from the second the session was
    // created (or last changed) is not mistaken for an older one.
    if (Math.floor(report.at.getTime() / 1000) < Math.floor(s.statusAt.getTime() / 1000)) return { outcome: 'stale', session: s };
    if (report.status === s.status && report.source !== 'admin') {
      // Same status again: keep a decision document that arrives later (e.g. a poll after a bare webhook).
      if (report.decision && !s.decision) {
        const [u] = await tx.update(kycSessions).set({ decision: report.decision, updatedAt: sql`now()` }).where(eq(kycSessions.id, s.id)).returning();
        return { outcome: 'unchanged', session: u! };
      }
      return { outcome: 'unchanged', session: s };
    }

    const [updated] = await tx
      .update(kycSessions)
      .set({
        status: report.status,
        statusAt: report.at,
        decision: report.decision ?? s.decision,
        updatedAt: sql`now()`,
        ...(report.review ? { reviewedBy: report.review.by, reviewedAt: sql`now()`, reviewNote: report.review.note } : {}),
      })
      .where(eq(kycSessions.id, s.id))
      .returning();

    const [store] = await tx.select({ kycStatus: stores.kycStatus }).from(stores).where(eq(stores.id, s.storeId)).for('update');
    const [latest] = await tx
      .select({ id: kycSessions.id })
      .from(kycSessions)
      .where(eq(kycSessions.storeId, s.storeId))
      .orderBy(desc(kycSessions.createdAt), desc(kycSessions.id))
      .limit(1);
    const target = STORE_STATUS_OF[report.status];
    const isLatest = latest?.id === s.id;
    let next = store!.kycStatus;
    if (target === 'approved') next = 'approved';
    else if (report.status === 'Kyc Expired') next = 'unverified';
    else if (isLatest && store!.kycStatus !== 'approved') next = target;
    else if (isLatest && report.status === 'Declined') next = 'declined';
    if (next !== store!.kycStatus) {
      await tx
        .update(stores)
        .set({ kycStatus: next, verifiedAt: next === 'approved' ? sql`now()` : null, updatedAt: sql`now()` })
        .where(and(eq(stores.id, s.storeId)));
    }

    await appendAudit(tx, {
      actor: report.actor,
      action: report.source === 'admin' ? 'admin.kyc_review' : 'kyc.status',
      subject: `store:${s.storeId}`,
      data: {
        kycSessionId: s.id,
        providerSessionId: s.providerSessionId,
        kind: s.kind,
        from: s.status,
        to: report.status,
        storeFrom: store!.kycStatus,
        storeTo: next,
        source: report.source,
        ...(report.review?.note ? { note: report.review.note } : {}),
      },
    });
    return { outcome: 'applied', session: updated! };
  });
}
