import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, payouts, stores } from '../../db/schema';
import { verifyAuditChain } from '../audit/verify-audit';
import { ZListAuditInput, ZListPayoutsAdminInput } from './schemas';

/** Payouts across stores for review: newest first, by status. */
export async function listPayoutsAdmin({ db, input }: { db: Db; input: z.input<typeof ZListPayoutsAdminInput> }) {
  const { status, limit } = ZListPayoutsAdminInput.parse(input);
  return db
    .select({
      id: payouts.id,
      storeId: payouts.storeId,
      storeName: stores.name,
      storeKycStatus: stores.kycStatus,
      amount: payouts.amount,
      currency: payouts.currency,
      destination: payouts.destination,
      status: payouts.status,
      failureReason: payouts.failureReason,
      createdAt: payouts.createdAt,
      updatedAt: payouts.updatedAt,
    })
    .from(payouts)
    .innerJoin(stores, eq(stores.id, payouts.storeId))
    .where(status === 'all' ? undefined : eq(payouts.status, status))
    .orderBy(desc(payouts.createdAt))
    .limit(limit);
}

/** A page of the audit log, newest first (keyset by seq), optionally by action or subject. */
export async function listAudit({ db, input }: { db: Db; input: z.input<typeof ZListAuditInput> }) {
  const { beforeSeq, action, subject, limit } = ZListAuditInput.parse(input);
  const where: SQL[] = [];
  if (beforeSeq) where.push(lt(auditLog.seq, beforeSeq));
  if (action) where.push(eq(auditLog.action, action));
  if (subject) where.push(eq(auditLog.subject, subject));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return { items: rows, nextBeforeSeq: rows.length === limit ? rows[rows.length - 1]!.seq : null };
}

export const verifyAudit = ({ db }: { db: Db }) => verifyAuditChain({ db });
