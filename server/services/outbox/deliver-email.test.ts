import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalMailTransport, MailRejectedError, type MailTransport, type OutgoingEmail } from '../../adapters/mail';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { getBoss } from '../../jobs/queue';
import { testDb } from '../../testing/db';
import { deliverEmail } from './deliver-email';
import { kickOutbox } from './kick-outbox';
import { queueEmail } from './queue-email';
import { findDueEmails } from './sweep-outbox';

// env() is read lazily: the job handlers below see this database and the local mail driver.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.COGNITO_USER_POOL_ID ??= 'local_test';
process.env.COGNITO_CLIENT_ID ??= 'test-client';
process.env.MAIL_DRIVER = 'local';
process.env.APP_URL = 'https://vita.test';

const APP = 'https://vita.test';
let db: Db;

beforeAll(() => {
  db = testDb();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
});

const data = {
  orderId: crypto.randomUUID(),
  number: 1042,
  storeName: 'Calzado Peñalosa',
  buyerName: '<b>Ana</b> Pérez',
  currency: 'PEN',
  total: 4900,
  items: [{ title: 'Medias', options: {}, qty: 2, unitPrice: 2450 }],
  carrier: 'Olva Courier',
  trackingNumber: 'OLV-1',
};

async function queued(overrides: { to?: string; data?: Record<string, unknown> } = {}): Promise<string> {
  const key = `test:${crypto.randomUUID()}`;
  await queueEmail(db, { to: overrides.to ?? `buyer-${key.slice(5, 13)}@test.vita`, template: 'order_shipped', data: overrides.data ?? data, dedupeKey: key });
  const [row] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, key));
  return row!.id;
}

async function row(id: string) {
  const [r] = await db.select().from(outbox).where(eq(outbox.id, id));
  return r!;
}

/** Records what it was asked to send; optionally slow, or failing with the given error. */
class RecordingTransport implements MailTransport {
  readonly driver = 'local' as const;
  sent: OutgoingEmail[] = [];
  constructor(private readonly opts: { delayMs?: number; fail?: () => Error } = {}) {}
  async send(email: OutgoingEmail) {
    if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
    if (this.opts.fail) throw this.opts.fail();
    this.sent.push(email);
    return { providerMessageId: `m-${this.sent.length}` };
  }
}

describe('deliverEmail', () => {
  it('with the local driver keeps the rendered message in the row and marks it sent once', async () => {
    const id = await queued();
    expect(await deliverEmail({ db, transport: new LocalMailTransport(), messageId: id, appUrl: APP })).toEqual({ outcome: 'sent' });
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null, subject: 'Tu pedido #1042 está en camino' });
    expect(r.sentAt).toBeInstanceOf(Date);
    expect(r.bodyText).toContain('Olva Courier');
    expect(r.bodyHtml).toContain('Hola, &lt;b&gt;Ana&lt;/b&gt;:');

    const again = new RecordingTransport();
    expect(await deliverEmail({ db, transport: again, messageId: id, appUrl: APP })).toEqual({ outcome: 'skipped' });
    expect(again.sent).toHaveLength(0);
    expect((await row(id)).attempts).toBe(1);
  });

  it('sends what it renders to the recipient', async () => {
    const id = await queued({ to: 'maria@test.vita' });
    const t = new RecordingTransport();
    await deliverEmail({ db, transport: t, messageId: id, appUrl: APP });
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ to: 'maria@test.vita', subject: 'Tu pedido #1042 está en camino' });
    expect(t.sent[0]!.html).toBe((await row(id)).bodyHtml);
  });

  it('on a transport failure keeps it pending with attempts and last_error, and gives up after the last attempt', async () => {
    const id = await queued();
    const failing = new RecordingTransport({ fail: () => new Error('connect ETIMEDOUT') });
    const first = await deliverEmail({ db, transport: failing, messageId: id, appUrl: APP, maxAttempts: 3 });
    expect(first).toEqual({ outcome: 'retry', error: 'Error: connect ETIMEDOUT' });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: connect ETIMEDOUT', sentAt: null });
    expect((await row(id)).subject).toBe('Tu pedido #1042 está en camino');

    expect((await deliverEmail({ db, transport: failing, messageId: id, appUrl: APP, maxAttempts: 3 })).outcome).toBe('retry');
    expect((await deliverEmail({ db, transport: failing, messageId: id, appUrl: APP, maxAttempts: 3 })).outcome).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3 });
    // Failed is final: a later job or sweep does not try again.
    const ok = new RecordingTransport();
    expect((await deliverEmail({ db, transport: ok, messageId: id, appUrl: APP })).outcome).toBe('skipped');
    expect(ok.sent).toHaveLength(0);
  });

  it('gives up at once on a rejection retrying cannot fix, and on data that cannot render', async () => {
    const rejectedId = await queued();
    const rejecting = new RecordingTransport({ fail: () => new MailRejectedError('SES rejected the message: MessageRejected') });
    expect((await deliverEmail({ db, transport: rejecting, messageId: rejectedId, appUrl: APP })).outcome).toBe('failed');
    expect(await row(rejectedId)).toMatchObject({ status: 'failed', attempts: 1 });

    // A row written around queueEmail (or by an older version of a caller) with data the template refuses.
    const [bad] = await db
      .insert(outbox)
      .values({ to: 'x@test.vita', template: 'order_shipped', data: { orderId: 'not-a-uuid' }, dedupeKey: `test:${crypto.randomUUID()}` })
      .returning({ id: outbox.id });
    const t = new RecordingTransport();
    const res = await deliverEmail({ db, transport: t, messageId: bad!.id, appUrl: APP });
    expect(res.outcome).toBe('failed');
    expect(t.sent).toHaveLength(0);
    expect((await row(bad!.id)).lastError).toMatch(/data\.orderId/);
  });

  it('sends once when two workers race for the same message', async () => {
    const id = await queued();
    const slow = new RecordingTransport({ delayMs: 300 });
    const outcomes = await Promise.all([
      deliverEmail({ db, transport: slow, messageId: id, appUrl: APP }),
      deliverEmail({ db, transport: slow, messageId: id, appUrl: APP }),
      deliverEmail({ db, transport: slow, messageId: id, appUrl: APP }),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'skipped', 'skipped']);
    expect(slow.sent).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves push rows to their own delivery', async () => {
    const [push] = await db.insert(outbox).values({ kind: 'push', to: 'u1', template: 'order_shipped', data }).returning({ id: outbox.id });
    expect((await deliverEmail({ db, transport: new RecordingTransport(), messageId: push!.id, appUrl: APP })).outcome).toBe('skipped');
    expect((await row(push!.id)).status).toBe('pending');
  });
});

describe('outbox sweep', () => {
  it('offers never-tried emails at once and retried ones only after their backoff', async () => {
    const fresh = await queued();
    const retriedRecently = await queued();
    const retriedLongAgo = await queued();
    const sent = await queued();
    await db.update(outbox).set({ attempts: 1 }).where(eq(outbox.id, retriedRecently));
    await db.update(outbox).set({ attempts: 2, createdAt: sql`now() - interval '3 minutes'` }).where(eq(outbox.id, retriedLongAgo));
    await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.id, sent));

    const due = await findDueEmails({ db, limit: 10_000 });
    expect(due).toContain(fresh);
    expect(due).toContain(retriedLongAgo);
    expect(due).not.toContain(retriedRecently);
    expect(due).not.toContain(sent);
    expect((await findDueEmails({ db, limit: 2 })).length).toBeLessThanOrEqual(2);
  });

  it('as jobs: kick → sweep → one delivery job per message → sent by the local driver', async () => {
    const { outboxJobs } = await import('../../jobs/handlers/outbox');
    const id = await queued({ to: 'kick@test.vita' });

    await getBoss();
    const [{ since }] = (await db.execute<{ since: string }>(sql`select now()::text as since`)) as unknown as [{ since: string }];
    await kickOutbox();
    const [kicks] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'outbox.sweep' and created_on >= ${since}::timestamptz`);
    expect(kicks!.n).toBeGreaterThanOrEqual(1);

    await outboxJobs['outbox.sweep']({});
    await outboxJobs['outbox.sweep']({});
    const jobs = await db.execute<{ id: string }>(sql`select id from pgboss.job where name = 'outbox.deliver' and data->>'messageId' = ${id}`);
    expect(jobs).toHaveLength(1);

    await outboxJobs['outbox.deliver']({ messageId: id });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, subject: 'Tu pedido #1042 está en camino' });
  });

  it('as a job: a failure throws so pg-boss retries', async () => {
    const { outboxJobs } = await import('../../jobs/handlers/outbox');
    // The local driver refuses a recipient that is not an address, like a transport error would.
    const id = await queued({ to: 'not-an-address' });
    await expect(outboxJobs['outbox.deliver']({ messageId: id })).rejects.toThrow(/not sent/);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(id)).lastError).toMatch(/not an email address/);
  });
});
