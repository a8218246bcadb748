import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { MailRejectedError, type MailTransport } from '../../adapters/mail';
import { renderEmail, type RenderedEmail } from './templates';

/** Tries per message; pg-boss retries with backoff in between, the outbox sweep picks up any it lost. */
export const MAX_EMAIL_ATTEMPTS = 5;

export type DeliverOutcome =
  | { outcome: 'sent' }
  /** Not pending any more (sent or failed), not an email, or another worker holds it right now. */
  | { outcome: 'skipped' }
  /** The transport failed; the row stays pending and the caller should throw so the job is retried. */
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string };

function describe(err: unknown): string {
  const e = err as Error;
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`.slice(0, 2000);
}

/**
 * Sends one outbox email at most once. The row is locked (FOR UPDATE SKIP LOCKED) for the whole render-and-send, so a
 * second worker racing for it skips instead of sending again; `sent` is committed with the rendered message, which the
 * dev mail viewer shows. A process dying between the provider accepting the message and the commit is the one case
 * that can send twice (the row is still pending), which is as close to at-most-once as a transport without an
 * idempotency key allows.
 */
export async function deliverEmail({
  db,
  transport,
  messageId,
  appUrl,
  maxAttempts = MAX_EMAIL_ATTEMPTS,
}: {
  db: Db;
  transport: MailTransport;
  messageId: string;
  appUrl: string;
  maxAttempts?: number;
}): Promise<DeliverOutcome> {
  return db.transaction(async (tx) => {
    const [msg] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, messageId), eq(outbox.status, 'pending'), eq(outbox.kind, 'email')))
      .for('update', { skipLocked: true });
    if (!msg) return { outcome: 'skipped' } as const;
    const attempts = msg.attempts + 1;

    let rendered: RenderedEmail;
    try {
      rendered = renderEmail({ template: msg.template, locale: msg.locale, data: msg.data, appUrl });
    } catch (err) {
      // Bad data or an unknown template renders the same way next time: no retry.
      const error = describe(err);
      await tx.update(outbox).set({ status: 'failed', attempts, lastError: error }).where(eq(outbox.id, msg.id));
      return { outcome: 'failed', error } as const;
    }
    const renderedFields = { subject: rendered.subject, bodyText: rendered.text, bodyHtml: rendered.html };

    try {
      await transport.send({ to: msg.to, ...rendered });
    } catch (err) {
      const error = describe(err);
      const final = err instanceof MailRejectedError || attempts >= maxAttempts;
      await tx
        .update(outbox)
        .set({ status: final ? 'failed' : 'pending', attempts, lastError: error, ...renderedFields })
        .where(eq(outbox.id, msg.id));
      return final ? ({ outcome: 'failed', error } as const) : ({ outcome: 'retry', error } as const);
    }

    await tx
      .update(outbox)
      .set({ status: 'sent', attempts, lastError: null, sentAt: sql`now()`, ...renderedFields })
      .where(eq(outbox.id, msg.id));
    return { outcome: 'sent' } as const;
  });
}
