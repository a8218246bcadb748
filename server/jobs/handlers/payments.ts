import { and, asc, eq, gt, inArray, isNotNull, isNull, like, lt, notLike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { paymentProvider, type PaymentProvider } from '../../adapters/payments';
import { getDb, type Db } from '../../db/client';
import { checkouts, paymentEvents, payouts } from '../../db/schema';
import { logger } from '../../log/logger';
import { applyPaymentUpdate } from '../../services/payments/apply-payment-update';
import { applyPayoutUpdate } from '../../services/payouts/apply-payout-update';
import type { JobHandlers } from '../handlers';
import { enqueue as enqueueJob } from '../queue';

/** What the webhook stored as `payload.report` (already verified and normalised by the adapter). */
const ZPaymentReport = z.object({
  providerRef: z.string().min(1),
  orderId: z.string().optional(),
  state: z.enum(['new', 'paid', 'paid_partial', 'paid_over', 'paid_remain', 'expired', 'refunded']),
  paidAmount: z.number().int().nonnegative().nullable(),
  orderAmount: z.number().int().nonnegative().nullable(),
  currency: z.string().length(3),
});
const ZPayoutReport = z.object({
  providerRef: z.string().min(1),
  payoutId: z.string().optional(),
  state: z.enum(['processing', 'paid', 'failed', 'rejected']),
  providerStatus: z.number().int(),
});

type Enqueue = typeof enqueueJob;
const PAYOUT_EVENT = 'payout.%';
/** Unprocessed events younger than this are left to their own job; older ones are re-driven by the sweeps. */
const REDRIVE_AFTER_MS = 60_000;
const REDRIVE_WINDOW_MS = 24 * 3_600_000;
const BATCH = 50;

/**
 * Acts on one stored callback once: the apply* services are idempotent, and processed_at makes a re-delivered job a
 * no-op. A failure is recorded in `outcome` and rethrown so pg-boss retries with backoff.
 */
async function processEvent<R>(input: {
  db: Db;
  eventId: string;
  schema: z.ZodType<R>;
  apply: (event: { provider: string }, report: R) => Promise<{ outcome: string }>;
}): Promise<string> {
  const { db, eventId } = input;
  const [event] = await db.select().from(paymentEvents).where(eq(paymentEvents.id, eventId)).limit(1);
  if (!event) return 'missing';
  if (event.processedAt) return event.outcome ?? 'processed';
  const parsed = input.schema.safeParse((event.payload as { report?: unknown }).report);
  if (!parsed.success) {
    // Retrying cannot fix a stored payload: close it and leave it for a person.
    await db.update(paymentEvents).set({ processedAt: sql`now()`, outcome: 'invalid_payload' }).where(eq(paymentEvents.id, eventId));
    logger.error({ eventId, issues: parsed.error.issues }, 'payment event with an invalid report');
    return 'invalid_payload';
  }
  try {
    const { outcome } = await input.apply(event, parsed.data);
    await db
      .update(paymentEvents)
      .set({ processedAt: sql`now()`, outcome })
      .where(and(eq(paymentEvents.id, eventId), isNull(paymentEvents.processedAt)));
    return outcome;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(paymentEvents)
      .set({ outcome: `failed: ${message.slice(0, 200)}` })
      .where(and(eq(paymentEvents.id, eventId), isNull(paymentEvents.processedAt)))
      .catch(() => {});
    throw err;
  }
}

export function processPaymentEvent({ db, eventId }: { db: Db; eventId: string }): Promise<string> {
  return processEvent({
    db,
    eventId,
    schema: ZPaymentReport,
    apply: (event, report) => applyPaymentUpdate({ db, provider: event.provider, report, source: 'callback' }),
  });
}

export function processPayoutEvent({ db, eventId }: { db: Db; eventId: string }): Promise<string> {
  return processEvent({
    db,
    eventId,
    schema: ZPayoutReport,
    apply: (event, report) => applyPayoutUpdate({ db, provider: event.provider, report, source: 'callback' }),
  });
}

/**
 * Events stored by the webhook whose job never ran to the end (enqueue failed after the insert, the worker died, the
 * retries ran out): queued again, at most once per event per five minutes, for a day.
 */
export async function redriveStoredEvents({
  db,
  kind,
  enqueue = enqueueJob,
  now = new Date(),
}: {
  db: Db;
  kind: 'payment' | 'payout';
  enqueue?: Enqueue;
  now?: Date;
}): Promise<number> {
  const rows = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(
      and(
        isNull(paymentEvents.processedAt),
        lt(paymentEvents.receivedAt, new Date(now.getTime() - REDRIVE_AFTER_MS)),
        gt(paymentEvents.receivedAt, new Date(now.getTime() - REDRIVE_WINDOW_MS)),
        kind === 'payout' ? like(paymentEvents.eventType, PAYOUT_EVENT) : notLike(paymentEvents.eventType, PAYOUT_EVENT),
      ),
    )
    .orderBy(asc(paymentEvents.receivedAt))
    .limit(BATCH * 2);
  const job = kind === 'payout' ? 'payout.callback' : 'payment.callback';
  let queued = 0;
  for (const { id } of rows) {
    try {
      await enqueue(job, { eventId: id }, { singletonKey: `redrive:${id}`, singletonSeconds: 300, retryLimit: 2 });
      queued++;
    } catch (err) {
      logger.warn({ err, eventId: id }, 'stored payment event not re-queued');
    }
  }
  return queued;
}

/** Runs `fn` over `items` with at most `limit` in flight (the provider is one HTTP API; be gentle). */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

export type ReconcileSummary = { checked: number; failed: number; outcomes: Record<string, number>; redriven: number };

/**
 * Asks the provider about open payments the callbacks may have missed (Cregis sends a callback once and re-pushes only
 * by hand): pending or partially paid checkouts with a provider ref, older than a minute, the ones past their expiry
 * first, then the least recently checked. Each row is settled on its own; one bad row never stops the batch.
 */
export async function reconcilePayments({
  db,
  provider,
  enqueue = enqueueJob,
  now = new Date(),
  batch = BATCH,
}: {
  db: Db;
  provider: PaymentProvider;
  enqueue?: Enqueue;
  now?: Date;
  batch?: number;
}): Promise<ReconcileSummary> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const rows = await db
    .select({ id: checkouts.id, providerRef: checkouts.providerRef })
    .from(checkouts)
    .where(
      and(
        eq(checkouts.provider, provider.name),
        inArray(checkouts.status, ['pending', 'partially_paid']),
        isNotNull(checkouts.providerRef),
        lt(checkouts.createdAt, minuteAgo),
        gt(checkouts.createdAt, new Date(now.getTime() - 7 * 86_400_000)),
        or(isNull(checkouts.lastReconciledAt), lt(checkouts.lastReconciledAt, minuteAgo)),
      ),
    )
    .orderBy(sql`${checkouts.expiresAt} < ${now.toISOString()}::timestamptz desc`, sql`${checkouts.lastReconciledAt} asc nulls first`)
    .limit(batch);

  const summary: ReconcileSummary = { checked: 0, failed: 0, outcomes: {}, redriven: 0 };
  await eachLimited(rows, 4, async (row) => {
    try {
      const report = await provider.getPayment(row.providerRef!);
      const { outcome } = await applyPaymentUpdate({ db, provider: provider.name, report, source: 'reconcile' });
      summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
      summary.checked++;
    } catch (err) {
      summary.failed++;
      logger.warn({ err, checkoutId: row.id }, 'payment reconcile failed for one checkout');
    }
    await db
      .update(checkouts)
      .set({ lastReconciledAt: now })
      .where(eq(checkouts.id, row.id))
      .catch((err) => logger.warn({ err, checkoutId: row.id }, 'last_reconciled_at not written'));
  });
  summary.redriven = await redriveStoredEvents({ db, kind: 'payment', enqueue, now });
  return summary;
}

/** The same for payouts: open ones with a provider ref that have not moved for a minute. */
export async function reconcilePayouts({
  db,
  provider,
  enqueue = enqueueJob,
  now = new Date(),
  batch = BATCH,
}: {
  db: Db;
  provider: PaymentProvider;
  enqueue?: Enqueue;
  now?: Date;
  batch?: number;
}): Promise<ReconcileSummary> {
  const rows = await db
    .select({ id: payouts.id, providerRef: payouts.providerRef })
    .from(payouts)
    .where(
      and(
        eq(payouts.provider, provider.name),
        inArray(payouts.status, ['requested', 'processing']),
        isNotNull(payouts.providerRef),
        lt(payouts.updatedAt, new Date(now.getTime() - 60_000)),
      ),
    )
    .orderBy(asc(payouts.updatedAt))
    .limit(batch);
  const summary: ReconcileSummary = { checked: 0, failed: 0, outcomes: {}, redriven: 0 };
  await eachLimited(rows, 4, async (row) => {
    try {
      const report = await provider.getPayout(row.providerRef!);
      const { outcome } = await applyPayoutUpdate({ db, provider: provider.name, report, source: 'reconcile' });
      summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
      summary.checked++;
    } catch (err) {
      summary.failed++;
      logger.warn({ err, payoutId: row.id }, 'payout reconcile failed for one payout');
    }
  });
  summary.redriven = await redriveStoredEvents({ db, kind: 'payout', enqueue, now });
  return summary;
}

export const paymentJobs: JobHandlers<'payment.callback' | 'payment.reconcile' | 'payout.callback' | 'payout.reconcile'> = {
  'payment.callback': async ({ eventId }) => {
    await processPaymentEvent({ db: getDb(), eventId });
  },
  'payment.reconcile': async () => {
    const summary = await reconcilePayments({ db: getDb(), provider: paymentProvider() });
    if (summary.checked || summary.failed || summary.redriven) logger.info(summary, 'payments reconciled');
  },
  'payout.callback': async ({ eventId }) => {
    await processPayoutEvent({ db: getDb(), eventId });
  },
  'payout.reconcile': async () => {
    const summary = await reconcilePayouts({ db: getDb(), provider: paymentProvider() });
    if (summary.checked || summary.failed || summary.redriven) logger.info(summary, 'payouts reconciled');
  },
};
