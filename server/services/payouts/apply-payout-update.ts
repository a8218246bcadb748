import { and, eq, or, sql } from 'drizzle-orm';
import type { PayoutReport } from '../../adapters/payments';
import type { Db } from '../../db/client';
import { payouts, type Payout } from '../../db/schema';
import { logger } from '../../log/logger';
import { postLedgerTransaction } from '../ledger/post-transaction';
import { payoutPaidPosting, payoutReleasePosting } from './postings';
import { queuePayoutEmail } from './request-payout';
import { appendAudit } from '../audit/append-audit';

export type PayoutUpdateSource = 'callback' | 'reconcile';
export type PayoutUpdateOutcome =
  | 'processing'
  | 'paid'
  | 'failed'
  | 'rejected'
  | 'unchanged' //      already there, or a stale report (e.g. 'processing' after 'paid'): no effect
  | 'conflict' //       the provider contradicts a final state we already acted on: logged for a person
  | 'unknown_payout'; // no payout has this provider ref / id: logged and ignored

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN = new Set<Payout['status']>(['requested', 'processing']);

/**
 * The one place a provider's word about a payout changes our state (callback or reconciliation job). Idempotent and
 * order-insensitive: the row is locked and moved only forward from an open state, so a duplicate or a late
 * 'processing' changes nothing, and the release posting is unique per payout in the ledger as well.
 */
export async function applyPayoutUpdate({
  db,
  provider,
  report,
  source,
}: {
  db: Db;
  provider: string;
  report: PayoutReport;
  source: PayoutUpdateSource;
}): Promise<{ outcome: PayoutUpdateOutcome; payoutId?: string }> {
  // A callback can beat the provider_ref write that follows createPayout: our id (third_party_id) finds it then.
  const byId = report.payoutId && UUID.test(report.payoutId) ? eq(payouts.id, report.payoutId) : undefined;
  const match = and(eq(payouts.provider, provider), or(eq(payouts.providerRef, report.providerRef), byId));

  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(payouts).where(match).limit(1).for('update');
    if (!p) {
      logger.warn({ provider, providerRef: report.providerRef, payoutId: report.payoutId, source }, 'payout update for an unknown payout');
      return { outcome: 'unknown_payout' as const };
    }
    if (p.providerRef && p.providerRef !== report.providerRef) {
      logger.error({ payoutId: p.id, ours: p.providerRef, theirs: report.providerRef, source }, 'payout update names another provider ref');
      return { outcome: 'conflict' as const, payoutId: p.id };
    }
    const base = { providerRef: report.providerRef, providerStatus: report.providerStatus, updatedAt: sql`now()` };

    if (!OPEN.has(p.status)) {
      const stale = report.state === 'processing' || report.state === p.status || (p.status !== 'paid' && report.state !== 'paid');
      if (stale) return { outcome: 'unchanged' as const, payoutId: p.id };
      // paid after we released the money, or failed after paid: the books and the provider disagree.
      logger.error({ payoutId: p.id, ours: p.status, theirs: report.state, source }, 'payout report contradicts a final state');
      return { outcome: 'conflict' as const, payoutId: p.id };
    }

    if (report.state === 'processing') {
      if (p.status === 'processing' && p.providerStatus === report.providerStatus && p.providerRef) {
        return { outcome: 'unchanged' as const, payoutId: p.id };
      }
      await tx.update(payouts).set({ ...base, status: 'processing' }).where(eq(payouts.id, p.id));
      return { outcome: 'processing' as const, payoutId: p.id };
    }

    const [moved] = await tx
      .update(payouts)
      .set({
        ...base,
        status: report.state,
        failureReason: report.state === 'paid' ? null : `provider status ${report.providerStatus}`,
      })
      .where(eq(payouts.id, p.id))
      .returning();
    // Paid: the money leaves the platform (in transit → clearing); otherwise it goes back to the seller's available.
    await postLedgerTransaction(tx, report.state === 'paid' ? payoutPaidPosting(moved!) : payoutReleasePosting(moved!));
    await queuePayoutEmail(tx, moved!);
    await appendAudit(tx, {
      actor: 'provider:payments',
      action: `payout.${report.state}`,
      subject: `payout:${p.id}`,
      data: { storeId: p.storeId, amount: p.amount, currency: p.currency, providerStatus: report.providerStatus },
    });
    return { outcome: report.state, payoutId: p.id };
  });
}
