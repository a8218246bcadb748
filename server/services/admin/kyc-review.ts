import { desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { kycSessions, stores, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { applyKycReport } from '../kyc/apply-kyc-status';
import { ZReviewKycInput } from './schemas';

/** What a reviewer needs from DIDIT's decision: names, document, warnings, scores (never the images). */
function summary(decision: Record<string, unknown> | null) {
  const first = (k: string) => (Array.isArray(decision?.[k]) ? ((decision![k] as unknown[])[0] as Record<string, unknown> | undefined) : undefined);
  const id = first('id_verifications');
  const kyb = first('kyb_verifications');
  const warnings = [...((id?.warnings as Array<{ short_description?: string; risk?: string }>) ?? []), ...((kyb?.warnings as Array<{ short_description?: string; risk?: string }>) ?? [])]
    .map((w) => w.short_description ?? w.risk ?? '')
    .filter(Boolean);
  return {
    fullName: (id?.full_name as string | undefined) ?? null,
    documentNumber: (id?.document_number as string | undefined) ?? (kyb?.registration_number as string | undefined) ?? null,
    companyName: (kyb?.company_name as string | undefined) ?? null,
    livenessScore: (first('liveness_checks')?.score as number | undefined) ?? null,
    faceMatchScore: (first('face_matches')?.score as number | undefined) ?? null,
    warnings,
  };
}

/** The review queue: sessions waiting for a person (In Review), oldest first so nobody waits forever. */
export async function listKycQueue({ db }: { db: Db }) {
  const rows = await db
    .select({ session: kycSessions, storeName: stores.name, storeSlug: stores.slug, ownerEmail: users.email })
    .from(kycSessions)
    .innerJoin(stores, eq(stores.id, kycSessions.storeId))
    .innerJoin(users, eq(users.id, kycSessions.userId))
    .where(inArray(kycSessions.status, ['In Review']))
    .orderBy(kycSessions.updatedAt)
    .limit(100);
  const recent = await db
    .select({ session: kycSessions, storeName: stores.name })
    .from(kycSessions)
    .innerJoin(stores, eq(stores.id, kycSessions.storeId))
    .orderBy(desc(kycSessions.updatedAt))
    .limit(20);
  return {
    queue: rows.map((r) => ({
      id: r.session.id,
      storeId: r.session.storeId,
      storeName: r.storeName,
      storeSlug: r.storeSlug,
      ownerEmail: r.ownerEmail,
      kind: r.session.kind,
      status: r.session.status,
      since: r.session.statusAt,
      ...summary(r.session.decision),
    })),
    recent: recent.map((r) => ({
      id: r.session.id,
      storeName: r.storeName,
      kind: r.session.kind,
      status: r.session.status,
      updatedAt: r.session.updatedAt,
      reviewedBy: r.session.reviewedBy,
    })),
  };
}

/**
 * An admin decides an In Review case: Approved or Declined, with a note, recorded on the session, applied to the
 * store and audited as `admin.kyc_review`. Anything but In Review is CONFLICT (someone else, or DIDIT, decided).
 */
export async function reviewKycSession({ db, adminId, input }: { db: Db; adminId: string; input: z.input<typeof ZReviewKycInput> }) {
  const data = ZReviewKycInput.parse(input);
  const [s] = await db.select().from(kycSessions).where(eq(kycSessions.id, data.sessionId));
  if (!s) throw new AppError('NOT_FOUND', { key: 'notFound.verification' });
  if (s.status !== 'In Review') {
    throw new AppError('CONFLICT', { key: 'kyc.notInReview', data: { reason: 'NOT_IN_REVIEW', status: s.status } });
  }
  const { session } = await applyKycReport(db, s.id, {
    status: data.decision === 'approve' ? 'Approved' : 'Declined',
    at: new Date(),
    source: 'admin',
    actor: `admin:${adminId}`,
    review: { by: adminId, note: data.note || null },
  });
  const [store] = await db.select({ slug: stores.slug, kycStatus: stores.kycStatus }).from(stores).where(eq(stores.id, s.storeId));
  return { id: session.id, status: session.status, storeSlug: store!.slug, storeKycStatus: store!.kycStatus };
}
