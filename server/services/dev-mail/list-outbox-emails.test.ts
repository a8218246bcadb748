import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LocalMailTransport } from '../../adapters/mail';
import { outbox } from '../../db/schema';
import { testDb } from '../../testing/db';
import { deliverEmail } from '../outbox/deliver-email';
import { queueEmail } from '../outbox/queue-email';
import { getOutboxEmail, listOutboxEmails } from './list-outbox-emails';

const APP = 'https://vita.test';

async function queueShipped(to: string, number: number): Promise<string> {
  const db = testDb();
  const key = `test:${crypto.randomUUID()}`;
  await queueEmail(db, { to, template: 'order_shipped', dedupeKey: key, data: { orderId: crypto.randomUUID(), number, storeName: 'Tienda <Uno>', carrier: 'Olva' } });
  const [r] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, key));
  return r!.id;
}

describe('dev mailbox: outbox emails', () => {
  it('lists a recipient’s emails newest first, with the subject sent or the one it will have', async () => {
    const db = testDb();
    const to = `Buyer-${crypto.randomBytes(4).toString('hex')}@test.vita`;
    const first = await queueShipped(to, 11);
    const second = await queueShipped(to, 12);
    await queueShipped(`other-${crypto.randomBytes(4).toString('hex')}@test.vita`, 13);
    await deliverEmail({ db, transport: new LocalMailTransport(), messageId: first, appUrl: APP });

    const list = await listOutboxEmails({ db, appUrl: APP, to: to.toLowerCase() });
    expect(list.map((m) => [m.id, m.status, m.subject])).toEqual([
      [second, 'pending', 'Tu pedido #12 está en camino'],
      [first, 'sent', 'Tu pedido #11 está en camino'],
    ]);
    // LIKE wildcards in the filter are literal.
    expect(await listOutboxEmails({ db, appUrl: APP, to: '%' })).toEqual([]);
  });

  it('opens one email: what was sent, or a preview of a pending one', async () => {
    const db = testDb();
    const id = await queueShipped(`b-${crypto.randomBytes(4).toString('hex')}@test.vita`, 21);
    const pending = await getOutboxEmail({ db, id, appUrl: APP });
    expect(pending).toMatchObject({ preview: true, renderError: null, status: 'pending' });
    expect(pending!.rendered!.html).toContain('Tienda &lt;Uno&gt;');

    await deliverEmail({ db, transport: new LocalMailTransport(), messageId: id, appUrl: APP });
    const sent = await getOutboxEmail({ db, id, appUrl: 'https://elsewhere.test' });
    expect(sent).toMatchObject({ preview: false, status: 'sent', subject: 'Tu pedido #21 está en camino' });
    // The stored message, not a new render.
    expect(sent!.rendered!.text).toContain(APP);
    expect(await getOutboxEmail({ db, id: 'x', appUrl: APP })).toBeNull();
    expect(await getOutboxEmail({ db, id: crypto.randomUUID(), appUrl: APP })).toBeNull();
  });
});
