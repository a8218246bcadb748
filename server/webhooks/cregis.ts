/**
 * Cregis callbacks (payment notify and payout notify). The raw body is verified by the adapter before anything reads
 * it; a verified message is stored once in payment_events (UNIQUE(provider, dedupe_key)), a job is queued to act on
 * it, and Cregis gets its literal `success`. Everything slow happens in the job, so the answer is fast.
 */
import { CallbackRejected, paymentProvider, type PaymentProvider } from '../adapters/payments';
import { getDb, type Db } from '../db/client';
import { paymentEvents } from '../db/schema';
import { enqueue as enqueueJob } from '../jobs/queue';
import { logger } from '../log/logger';

export type CregisWebhookDeps = { db?: Db; provider?: PaymentProvider; enqueue?: typeof enqueueJob };

/** Far above any real callback (a few hundred bytes); stops a client from making us hash megabytes. */
const MAX_BODY_BYTES = 64 * 1024;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

type Verified = {
  dedupeKey: string;
  eventType: string;
  providerRef: string;
  job: 'payment.callback' | 'payout.callback';
  payload: Record<string, unknown>;
};

async function receive(req: Request, deps: CregisWebhookDeps, verify: (provider: PaymentProvider, raw: string) => Verified): Promise<Response> {
  const provider = deps.provider ?? paymentProvider();
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return text(413, 'demasiado grande');
  const raw = await req.text();
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) return text(413, 'demasiado grande');

  let v: Verified;
  try {
    v = verify(provider, raw);
  } catch (err) {
    if (!(err instanceof CallbackRejected)) throw err;
    logger.warn({ provider: provider.name, reason: err.reason, msg: err.message }, 'cregis callback rejected');
    return text(err.reason === 'malformed' ? 400 : 401, err.reason);
  }

  const db = deps.db ?? getDb();
  const started = performance.now();
  let eventId: string | undefined;
  try {
    const [row] = await db
      .insert(paymentEvents)
      .values({ provider: provider.name, dedupeKey: v.dedupeKey, eventType: v.eventType, providerRef: v.providerRef, payload: v.payload })
      .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.dedupeKey] })
      .returning({ id: paymentEvents.id });
    eventId = row?.id;
  } catch (err) {
    // Not stored: say so, so the delivery shows as failed in Cregis; reconciliation reads the order state anyway.
    logger.error({ err, provider: provider.name }, 'cregis callback not stored');
    return text(503, 'retry');
  }
  if (!eventId) return text(409, 'duplicate');

  try {
    await (deps.enqueue ?? enqueueJob)(v.job, { eventId });
  } catch (err) {
    // Stored is enough: the reconcile sweep re-drives events that stay unprocessed.
    logger.error({ err, eventId, job: v.job }, 'cregis callback stored but not enqueued');
  }
  logger.debug({ eventId, job: v.job, ms: Math.round(performance.now() - started) }, 'cregis callback stored and queued');
  return text(200, 'success');
}

export function handleCregisPaymentCallback(req: Request, deps: CregisWebhookDeps = {}): Promise<Response> {
  return receive(req, deps, (provider, raw) => {
    const c = provider.parsePaymentCallback(raw);
    const report = { providerRef: c.providerRef, orderId: c.orderId, state: c.state, paidAmount: c.paidAmount, orderAmount: c.orderAmount, currency: c.currency };
    return { dedupeKey: c.dedupeKey, eventType: c.eventType, providerRef: c.providerRef, job: 'payment.callback', payload: { received: c.payload, report } };
  });
}

export function handleCregisPayoutCallback(req: Request, deps: CregisWebhookDeps = {}): Promise<Response> {
  return receive(req, deps, (provider, raw) => {
    const c = provider.parsePayoutCallback(raw);
    const report = { providerRef: c.providerRef, payoutId: c.payoutId, state: c.state, providerStatus: c.providerStatus };
    return { dedupeKey: c.dedupeKey, eventType: `payout.${c.state}`, providerRef: c.providerRef, job: 'payout.callback', payload: { received: c.payload, report } };
  });
}
