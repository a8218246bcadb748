import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { kycSessions, stores, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { SETTLED, STATUS_LABEL } from './status-map';

/** What the seller's verification page shows: the store's standing and its attempts, newest first. */
export async function getVerification({ db, store }: { db: Db; store: Store }) {
  const [fresh] = await db.select({ kycStatus: stores.kycStatus, verifiedAt: stores.verifiedAt }).from(stores).where(eq(stores.id, store.id));
  if (!fresh) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  const rows = await db.select().from(kycSessions).where(eq(kycSessions.storeId, store.id)).orderBy(desc(kycSessions.createdAt)).limit(10);
  return {
    storeId: store.id,
    kycStatus: fresh.kycStatus,
    verifiedAt: fresh.verifiedAt,
    sessions: rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      status: s.status,
      statusLabel: STATUS_LABEL[s.status],
      settled: SETTLED.has(s.status),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      /** Only an unfinished attempt can be continued. */
      resumeUrl: ['Not Started', 'In Progress', 'Resubmitted'].includes(s.status) ? s.sessionUrl : null,
      reviewNote: s.reviewNote,
    })),
  };
}
