import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { outbox, type OutboxMessage } from '../../db/schema';
import { renderEmail, type RenderedEmail } from '../outbox/templates';

export type DevOutboxEmail = Pick<OutboxMessage, 'id' | 'to' | 'template' | 'locale' | 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'> & {
  /** The subject sent, or the one it will have (rendered now) while the worker has not delivered it. */
  subject: string | null;
};

function previewSubject(m: Pick<OutboxMessage, 'template' | 'locale' | 'data'>, appUrl: string): string | null {
  try {
    return renderEmail({ template: m.template, locale: m.locale, data: m.data, appUrl }).subject;
  } catch {
    return null;
  }
}

/** Platform emails in the outbox, newest first (what MAIL_DRIVER=local kept instead of sending), optionally for one recipient. */
export async function listOutboxEmails({ db, appUrl, to, limit = 100 }: { db: DbOrTx; appUrl: string; to?: string; limit?: number }): Promise<DevOutboxEmail[]> {
  const where: SQL[] = [eq(outbox.kind, 'email')];
  if (to?.trim()) where.push(ilike(outbox.to, to.trim().replace(/[\\%_]/g, (c) => `\\${c}`)));
  const rows = await db
    .select({
      id: outbox.id,
      to: outbox.to,
      template: outbox.template,
      locale: outbox.locale,
      data: outbox.data,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
  return rows.map(({ data, ...m }) => ({ ...m, subject: m.subject ?? previewSubject({ ...m, data }, appUrl) }));
}

export type DevOutboxMessage = DevOutboxEmail & {
  /** What was sent, or — for a message the worker has not delivered yet — a preview rendered now. */
  rendered: RenderedEmail | null;
  preview: boolean;
  renderError: string | null;
};

/** One outbox email with its body; null for an unknown id. */
export async function getOutboxEmail({ db, id, appUrl }: { db: DbOrTx; id: string; appUrl: string }): Promise<DevOutboxMessage | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [m] = await db.select().from(outbox).where(and(eq(outbox.id, id), eq(outbox.kind, 'email')));
  if (!m) return null;
  const base: DevOutboxEmail = {
    id: m.id,
    to: m.to,
    template: m.template,
    locale: m.locale,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
  if (m.subject !== null && m.bodyHtml !== null && m.bodyText !== null) {
    return { ...base, rendered: { subject: m.subject, text: m.bodyText, html: m.bodyHtml }, preview: false, renderError: null };
  }
  try {
    return { ...base, rendered: renderEmail({ template: m.template, locale: m.locale, data: m.data, appUrl }), preview: true, renderError: null };
  } catch (err) {
    return { ...base, rendered: null, preview: true, renderError: (err as Error).message };
  }
}
