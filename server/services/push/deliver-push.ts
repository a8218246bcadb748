import type https from 'node:https';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import webpush, { WebPushError } from 'web-push';
import type { Db, DbOrTx } from '../../db/client';
import { outbox, pushSubscriptions } from '../../db/schema';
import { getPushPreferences } from './subscriptions';
import { PREFERENCE_OF, isPushTemplate, renderPush } from './templates';
import type { VapidKeys } from './vapid';

export const MAX_PUSH_ATTEMPTS = 5;
/** Gone for good: the browser unsubscribed or the subscription expired. */
const GONE = new Set([404, 410]);

export type PushOutcome =
  | { outcome: 'sent'; delivered: number; removed: number }
  | { outcome: 'skipped' }
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string };

export type PushSender = (
  sub: { endpoint: string; keys: { p256dh: string; auth: string } },
  payload: string,
  opts: { vapid: VapidKeys; timeoutMs: number; ttlSec: number; topic: string; agent?: https.Agent },
) => Promise<{ statusCode: number }>;

/** The real sender: `web-push` (VAPID JWT + aes128gcm payload encryption), with a time limit. */
export const webPushSender: PushSender = (sub, payload, { vapid, timeoutMs, ttlSec, topic, agent }) =>
  webpush.sendNotification(sub, payload, {
    vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
    TTL: ttlSec,
    urgency: 'high',
    topic,
    timeout: timeoutMs,
    contentEncoding: 'aes128gcm',
    ...(agent ? { agent } : {}),
  });

function describe(err: unknown): string {
  if (err instanceof WebPushError) return `WebPushError ${err.statusCode}: ${err.body || err.message}`.slice(0, 2000);
  const e = err as Error;
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`.slice(0, 2000);
}

/**
 * Sends one outbox push to every device of its recipient, at most once per row (row locked FOR UPDATE SKIP LOCKED
 * for the whole send, like email). Respects the person's preferences at send time. Subscriptions the push service
 * says are gone (404/410) are deleted. Sent when at least one device accepted it (or none is left); retried with
 * backoff when every device failed transiently; given up after MAX_PUSH_ATTEMPTS.
 */
export async function deliverPush({
  db,
  messageId,
  vapid,
  send = webPushSender,
  agent,
  timeoutMs = 8000,
  maxAttempts = MAX_PUSH_ATTEMPTS,
}: {
  db: Db;
  messageId: string;
  vapid: VapidKeys | null;
  send?: PushSender;
  /** TLS settings for the push service connection (tests: trust the local push service's certificate). */
  agent?: https.Agent;
  timeoutMs?: number;
  maxAttempts?: number;
}): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    const [msg] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, messageId), eq(outbox.status, 'pending'), eq(outbox.kind, 'push')))
      .for('update', { skipLocked: true });
    if (!msg) return { outcome: 'skipped' } as const;
    const attempts = msg.attempts + 1;
    const fail = async (error: string) => {
      await tx.update(outbox).set({ status: 'failed', attempts, lastError: error }).where(eq(outbox.id, msg.id));
      return { outcome: 'failed', error } as const;
    };
    if (!vapid) return fail('push not configured (VAPID keys missing)');
    if (!isPushTemplate(msg.template)) return fail(`unknown push template ${msg.template}`);

    let rendered;
    try {
      rendered = renderPush(msg.template, msg.locale, msg.data);
    } catch (err) {
      return fail(describe(err));
    }
    const prefs = await getPushPreferences(tx, msg.to);
    const subject = rendered.title;
    if (!prefs[PREFERENCE_OF[msg.template]]) {
      await tx.update(outbox).set({ status: 'sent', attempts, lastError: 'muted by preference', subject, sentAt: sql`now()` }).where(eq(outbox.id, msg.id));
      return { outcome: 'sent', delivered: 0, removed: 0 } as const;
    }

    const subs = await tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, msg.to));
    const payload = JSON.stringify({ ...rendered, icon: '/icons/icon-192.png' });
    let delivered = 0;
    const gone: string[] = [];
    const errors: string[] = [];
    for (const s of subs) {
      try {
        await send({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
          vapid,
          timeoutMs,
          ttlSec: 24 * 3600,
          topic: rendered.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32),
          agent,
        });
        delivered++;
        await tx.update(pushSubscriptions).set({ lastSuccessAt: sql`now()`, failures: 0 }).where(eq(pushSubscriptions.id, s.id));
      } catch (err) {
        if (err instanceof WebPushError && GONE.has(err.statusCode)) gone.push(s.id);
        else {
          errors.push(describe(err));
          await tx.update(pushSubscriptions).set({ failures: sql`${pushSubscriptions.failures} + 1` }).where(eq(pushSubscriptions.id, s.id));
        }
      }
    }
    if (gone.length) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));

    const fields = { subject, bodyText: rendered.body };
    if (delivered > 0 || errors.length === 0) {
      await tx
        .update(outbox)
        .set({ status: 'sent', attempts, lastError: errors[0] ?? null, sentAt: sql`now()`, ...fields })
        .where(eq(outbox.id, msg.id));
      return { outcome: 'sent', delivered, removed: gone.length } as const;
    }
    const error = errors.join(' | ').slice(0, 2000);
    const final = attempts >= maxAttempts;
    await tx.update(outbox).set({ status: final ? 'failed' : 'pending', attempts, lastError: error, ...fields }).where(eq(outbox.id, msg.id));
    return final ? ({ outcome: 'failed', error } as const) : ({ outcome: 'retry', error } as const);
  });
}

/** Pending pushes due now (same backoff rule as email: 30 s × 2^attempts after queueing for a retried one). */
export async function findDuePush({ db, limit = 500 }: { db: DbOrTx; limit?: number }): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        eq(outbox.kind, 'push'),
        or(eq(outbox.attempts, 0), lt(outbox.createdAt, sql`now() - make_interval(secs => 30 * power(2, ${outbox.attempts}))`)),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
