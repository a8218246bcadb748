/**
 * DIDIT webhooks (`/api/webhooks/didit`). The raw body is read first and verified (X-Signature-V2 over the
 * canonical JSON, or X-Signature over the raw bytes; X-Timestamp within ±DIDIT_WEBHOOK_MAX_AGE_S), the session must
 * be one of ours, the message is stored once in kyc_events (dedupe key = hash of the canonical body, so a retry or
 * a replay is recognised) and applied at once (one short transaction; if that fails a `kyc.event` job retries it),
 * and DIDIT gets 200.
 *
 * Answers: 200 stored (or already stored: a duplicate is acknowledged, not re-processed); 401 unsigned/forged/stale;
 * 400 malformed; 404 unknown session (DIDIT retries 404s, which also covers a webhook racing our own insert of a
 * session we just created); 413 too large; 503 not stored (DIDIT retries; reconcile polls anyway).
 */
import { and, eq } from 'drizzle-orm';
import { KycWebhookRejected, kycProvider, type KycProvider } from '../adapters/kyc';
import { getDb, type Db } from '../db/client';
import { kycEvents, kycSessions, stores } from '../db/schema';
import { enqueue as enqueueJob } from '../jobs/queue';
import { logger } from '../log/logger';
import { processKycEvent } from '../services/kyc/process-kyc-event';

export type DiditWebhookDeps = {
  db?: Db;
  provider?: KycProvider;
  enqueue?: typeof enqueueJob;
  /** Apply the event in the request (one short transaction) and queue it only if that fails. Default true. */
  processInline?: boolean;
  /** Called with the store's slug when its verification standing changed (the route refreshes cached pages). */
  onStoreChanged?: (storeSlug: string) => void;
};

const MAX_BODY_BYTES = 256 * 1024;

const json = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

export async function handleDiditWebhook(req: Request, deps: DiditWebhookDeps = {}): Promise<Response> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return json(413, { error: 'too_large' });
  const raw = await req.text();
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) return json(413, { error: 'too_large' });
  const provider = deps.provider ?? kycProvider();

  let v;
  try {
    v = provider.verifyWebhook(raw, req.headers);
  } catch (err) {
    if (!(err instanceof KycWebhookRejected)) throw err;
    logger.warn({ reason: err.reason, msg: err.message }, 'didit webhook rejected');
    return json(err.reason === 'malformed' ? 400 : 401, { error: err.reason });
  }

  const db = deps.db ?? getDb();
  const [session] = await db
    .select({ id: kycSessions.id, storeId: kycSessions.storeId })
    .from(kycSessions)
    .where(and(eq(kycSessions.provider, provider.name), eq(kycSessions.providerSessionId, v.sessionId)));
  if (!session) {
    logger.warn({ sessionId: v.sessionId, webhookType: v.webhookType }, 'didit webhook for an unknown session');
    return json(404, { error: 'unknown_session' });
  }

  let eventId: string | undefined;
  try {
    const [row] = await db
      .insert(kycEvents)
      .values({
        provider: provider.name,
        dedupeKey: v.dedupeKey,
        providerSessionId: v.sessionId,
        webhookType: v.webhookType,
        status: v.status,
        eventAt: v.eventAt,
        payload: v.payload,
      })
      .onConflictDoNothing({ target: [kycEvents.provider, kycEvents.dedupeKey] })
      .returning({ id: kycEvents.id });
    eventId = row?.id;
  } catch (err) {
    logger.error({ err }, 'didit webhook not stored');
    return json(503, { error: 'retry' });
  }
  if (!eventId) return json(200, { ok: true, duplicate: true });

  if (deps.processInline !== false) {
    try {
      const outcome = await processKycEvent({ db, eventId });
      if (outcome === 'applied' && deps.onStoreChanged) {
        const [store] = await db.select({ slug: stores.slug }).from(stores).where(eq(stores.id, session.storeId));
        if (store) deps.onStoreChanged(store.slug);
      }
      return json(200, { ok: true, outcome });
    } catch (err) {
      logger.error({ err, eventId }, 'didit webhook stored; applying it failed, queued for a retry');
    }
  }
  try {
    await (deps.enqueue ?? enqueueJob)('kyc.event', { eventId });
  } catch (err) {
    // Stored is enough: kyc.reconcile re-drives events that stay unprocessed.
    logger.error({ err, eventId }, 'didit webhook stored but not enqueued');
  }
  return json(200, { ok: true });
}
