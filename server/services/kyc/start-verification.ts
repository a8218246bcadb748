import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { kycProvider, type KycProvider } from '../../adapters/kyc';
import type { Db } from '../../db/client';
import { kycSessions, stores, type DiditStatus, type Store } from '../../db/schema';
import { env } from '../../env';
import { AppError } from '../../errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { storeOwnerId } from '../stores/store-owner';
import { vmsg } from '../../errors/validation';

export const ZStartVerificationInput = z.object({
  storeId: z.string().uuid(),
  kind: z.enum(['individual', 'business'], { message: vmsg('choosePersonOrCompany') }),
});
export type TStartVerificationInput = z.infer<typeof ZStartVerificationInput>;

/** An attempt in these states can still be finished: its link is offered again instead of opening another. */
const RESUMABLE: DiditStatus[] = ['Not Started', 'In Progress', 'Resubmitted'];

export const verificationReturnPath = (storeId: string) => `/dashboard/tiendas/${storeId}/verificacion`;

/**
 * The owner starts identity verification for a store: a KYC session (the owner as a person) or a KYB session (the
 * business). DIDIT gets vendor_data = store id and our return URL; the person is sent to the answered `url`.
 * A still-open attempt of the same kind is answered again (a double tap never opens two).
 */
export async function startVerification({
  db,
  provider = kycProvider(),
  store,
  userId,
  input,
  locale = 'es',
}: {
  db: Db;
  provider?: KycProvider;
  store: Store;
  userId: string;
  input: TStartVerificationInput;
  locale?: 'es' | 'en';
}): Promise<{ sessionId: string; url: string; reused: boolean }> {
  const data = ZStartVerificationInput.parse(input);
  if ((await storeOwnerId(db, store.id)) !== userId) {
    throw new AppError('FORBIDDEN', { key: 'kyc.ownerOnly', data: { reason: 'OWNER_ONLY' } });
  }
  const [fresh] = await db.select({ kycStatus: stores.kycStatus, status: stores.status }).from(stores).where(eq(stores.id, store.id));
  if (fresh?.status === 'suspended') {
    throw new AppError('FORBIDDEN', { key: 'kyc.storeSuspended', data: { reason: 'STORE_SUSPENDED' } });
  }
  if (fresh?.kycStatus === 'approved') {
    throw new AppError('CONFLICT', { key: 'kyc.alreadyVerified', data: { reason: 'ALREADY_VERIFIED' } });
  }
  const [inReview] = await db
    .select({ id: kycSessions.id })
    .from(kycSessions)
    .where(and(eq(kycSessions.storeId, store.id), inArray(kycSessions.status, ['In Review', 'Awaiting User'])))
    .limit(1);
  if (inReview) {
    throw new AppError('CONFLICT', { key: 'kyc.inReview', data: { reason: 'IN_REVIEW' } });
  }
  const [open] = await db
    .select()
    .from(kycSessions)
    .where(and(eq(kycSessions.storeId, store.id), eq(kycSessions.kind, data.kind), inArray(kycSessions.status, RESUMABLE)))
    .orderBy(desc(kycSessions.createdAt))
    .limit(1);
  if (open) return { sessionId: open.id, url: open.sessionUrl, reused: true };

  const created = await provider.createSession({
    kind: data.kind,
    vendorData: store.id,
    callbackUrl: `${env().APP_URL.replace(/\/$/, '')}${verificationReturnPath(store.id)}`,
    language: locale,
    metadata: { store_slug: store.slug },
  });

  const row = await db.transaction(async (tx) => {
    // DIDIT answers an unfinished session with the same vendor_data again: then the row already exists.
    const [inserted] = await tx
      .insert(kycSessions)
      .values({
        storeId: store.id,
        userId,
        kind: data.kind,
        provider: provider.name,
        providerSessionId: created.sessionId,
        sessionUrl: created.url,
        workflowId: created.workflowId,
        status: created.status,
      })
      .onConflictDoNothing({ target: [kycSessions.provider, kycSessions.providerSessionId] })
      .returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(kycSessions)
        .where(and(eq(kycSessions.provider, provider.name), eq(kycSessions.providerSessionId, created.sessionId)));
      return existing!;
    }
    await tx.update(stores).set({ kycStatus: 'pending' }).where(and(eq(stores.id, store.id), inArray(stores.kycStatus, ['unverified', 'declined'])));
    await appendAudit(tx, {
      actor: `user:${userId}`,
      action: 'kyc.started',
      subject: `store:${store.id}`,
      data: { kycSessionId: inserted.id, providerSessionId: created.sessionId, kind: data.kind },
    });
    return inserted;
  });
  return { sessionId: row.id, url: row.sessionUrl, reused: false };
}
