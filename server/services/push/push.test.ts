import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPushService } from '../../../scripts/local/push-service';
import { follows, outbox, pushSubscriptions } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { deliverPush, findDuePush } from './deliver-push';
import { queueOrderPaidPush, queuePush } from './queue-push';
import { renderPush } from './templates';
import { queueChatMessagePush, queueStoreLivePush } from './triggers';

const db = testDb();
const vapidPair = webpush.generateVAPIDKeys();
const vapid = { ...vapidPair, subject: 'mailto:soporte@vita.test' };
let service: Awaited<ReturnType<typeof startLocalPushService>>;
let n = 0;

beforeAll(async () => {
  service = await startLocalPushService({ applicationServerKey: vapid.publicKey });
});
afterAll(async () => {
  await service.stop();
});

async function sellerWithStore() {
  const user = await createTestUser(db);
  const caller = callerFor(db, user);
  const store = await caller.store.create({ name: 'Tejidos Quispe', slug: `push-${Date.now().toString(36)}-${n++}`, currency: 'PEN' });
  return { user, caller, storeId: store.id };
}

async function pushRows(userId: string) {
  return db.select().from(outbox).where(and(eq(outbox.kind, 'push'), eq(outbox.to, userId)));
}

describe('push subscriptions', () => {
  it('stores a subscription for the signed-in person and re-points an endpoint to whoever subscribes it last', async () => {
    const a = await sellerWithStore();
    const b = await sellerWithStore();
    const sub = service.subscribe();
    await a.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys, userAgent: 'Chrome en Android' });
    let [row] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, sub.endpoint));
    expect(row).toMatchObject({ userId: a.user.id, p256dh: sub.keys.p256dh, auth: sub.keys.auth, userAgent: 'Chrome en Android' });
    expect(await a.caller.push.preferences()).toEqual({ newOrder: true, newMessage: true, storeLive: true, devices: 1 });

    // Same browser, another account signs in and subscribes: one row, now theirs.
    await b.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    const rows = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, sub.endpoint));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe(b.user.id);

    // A cannot remove B's device; B can.
    expect(await a.caller.push.unsubscribe({ endpoint: sub.endpoint })).toEqual({ removed: false });
    expect(await b.caller.push.unsubscribe({ endpoint: sub.endpoint })).toEqual({ removed: true });
    [row] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, sub.endpoint));
    expect(row).toBeUndefined();
  });

  it('refuses a malformed subscription with field errors and stores nothing', async () => {
    const a = await sellerWithStore();
    const err = await rejectionOf(a.caller.push.subscribe({ endpoint: 'no es una url', keys: { p256dh: 'x', auth: '!!' } }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, a.user.id))).toHaveLength(0);
    const anon = callerFor(db, null);
    expect((await rejectionOf(anon.push.subscribe({ endpoint: service.subscribe().endpoint, keys: service.subscribe().keys }))).code).toBe('UNAUTHORIZED');
  });

  it('queues nothing for a person without devices', async () => {
    const a = await sellerWithStore();
    await queuePush(db, { userId: a.user.id, template: 'store_live', data: { storeName: 'X', url: '/s/x' }, dedupeKey: `t:${a.user.id}` });
    expect(await pushRows(a.user.id)).toHaveLength(0);
  });
});

describe('delivery through web-push to a local push service', () => {
  it('sends a new-order notification in the seller’s language, VAPID-signed and aes128gcm-encrypted, once', async () => {
    const a = await sellerWithStore();
    const sub = service.subscribe();
    await a.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    await a.caller.account.setLocale({ locale: 'en' });
    const orderId = crypto.randomUUID();
    const data = { storeId: a.storeId, orderId, number: 1042, total: 18900, currency: 'PEN', storeName: 'Tejidos Quispe' };
    await queueOrderPaidPush(db, data);
    await queueOrderPaidPush(db, data); // a retried payment callback: still one notification
    const rows = await pushRows(a.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locale).toBe('en');
    expect(await findDuePush({ db })).toContain(rows[0]!.id);

    const before = service.received.length;
    const result = await deliverPush({ db, agent: service.agent, messageId: rows[0]!.id, vapid });
    expect(result).toEqual({ outcome: 'sent', delivered: 1, removed: 0 });
    const [msg] = (await service.waitFor(before + 1)).slice(before);
    expect(msg!.subscriptionId).toBe(sub.id);
    expect(msg!.payload).toMatchObject({ title: 'New order #1042', url: `/dashboard/tiendas/${a.storeId}/pedidos/${orderId}`, tag: `order:${orderId}` });
    expect((msg!.payload as { body: string }).body).toMatch(/PEN\s189/);
    expect(msg!.jwt).toMatchObject({ aud: service.origin, sub: 'mailto:soporte@vita.test' });
    expect(msg!.urgency).toBe('high');

    // Delivered once: a second run (duplicate job) does nothing.
    expect(await deliverPush({ db, agent: service.agent, messageId: rows[0]!.id, vapid })).toEqual({ outcome: 'skipped' });
    const [after] = await pushRows(a.user.id);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, subject: 'New order #1042' });
  });

  it('respects the preference switch at send time', async () => {
    const a = await sellerWithStore();
    const sub = service.subscribe();
    await a.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    await queuePush(db, { userId: a.user.id, template: 'store_live', data: { storeName: 'Café Huila', url: '/s/cafe' }, dedupeKey: `live:${a.user.id}` });
    await a.caller.push.setPreferences({ newOrder: true, newMessage: true, storeLive: false });
    const [row] = await pushRows(a.user.id);
    const before = service.received.length;
    expect(await deliverPush({ db, agent: service.agent, messageId: row!.id, vapid })).toEqual({ outcome: 'sent', delivered: 0, removed: 0 });
    expect(service.received.length).toBe(before);
    expect((await pushRows(a.user.id))[0]!.lastError).toBe('muted by preference');
  });

  it('deletes a subscription the push service reports gone (410) and keeps the others', async () => {
    const a = await sellerWithStore();
    const phone = service.subscribe();
    const laptop = service.subscribe();
    await a.caller.push.subscribe({ endpoint: phone.endpoint, keys: phone.keys });
    await a.caller.push.subscribe({ endpoint: laptop.endpoint, keys: laptop.keys });
    service.expire(phone.id);
    await queuePush(db, { userId: a.user.id, template: 'new_message', data: { conversationId: 'c1', from: 'Ana', preview: 'Hola, ¿tienen talla M?', url: '/mensajes/c1' }, dedupeKey: `msg:${a.user.id}` });
    const [row] = await pushRows(a.user.id);
    expect(await deliverPush({ db, agent: service.agent, messageId: row!.id, vapid })).toEqual({ outcome: 'sent', delivered: 1, removed: 1 });
    const left = await db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, a.user.id));
    expect(left).toEqual([{ endpoint: laptop.endpoint }]);
  });

  it('retries (row stays pending) when the push service refuses the VAPID signature, then gives up', async () => {
    const a = await sellerWithStore();
    const sub = service.subscribe();
    await a.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    await queuePush(db, { userId: a.user.id, template: 'store_live', data: { storeName: 'Café Huila', url: '/s/cafe' }, dedupeKey: `wrongkey:${a.user.id}` });
    const [row] = await pushRows(a.user.id);
    const wrong = { ...webpush.generateVAPIDKeys(), subject: 'mailto:x@vita.test' };
    const first = await deliverPush({ db, agent: service.agent, messageId: row!.id, vapid: wrong, maxAttempts: 2 });
    expect(first.outcome).toBe('retry');
    expect(service.rejected.at(-1)).toEqual({ status: 401, why: 'unexpected application server key' });
    expect((await pushRows(a.user.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await deliverPush({ db, agent: service.agent, messageId: row!.id, vapid: wrong, maxAttempts: 2 })).outcome).toBe('failed');
  });

  it('fails without VAPID keys instead of pretending', async () => {
    const a = await sellerWithStore();
    const sub = service.subscribe();
    await a.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    await queuePush(db, { userId: a.user.id, template: 'store_live', data: { storeName: 'X', url: '/s/x' }, dedupeKey: `novapid:${a.user.id}` });
    const [row] = await pushRows(a.user.id);
    expect(await deliverPush({ db, agent: service.agent, messageId: row!.id, vapid: null })).toEqual({ outcome: 'failed', error: 'push not configured (VAPID keys missing)' });
  });
});

describe('triggers', () => {
  it('a buyer’s chat message notifies the store team’s devices; the reply notifies the buyer', async () => {
    const seller = await sellerWithStore();
    const buyer = await sellerWithStore();
    const s1 = service.subscribe();
    const s2 = service.subscribe();
    await seller.caller.push.subscribe({ endpoint: s1.endpoint, keys: s1.keys });
    await buyer.caller.push.subscribe({ endpoint: s2.endpoint, keys: s2.keys });
    const message = { id: crypto.randomUUID(), conversationId: crypto.randomUUID(), body: '¿Tienen talla M?' } as never;
    await queueChatMessagePush(db, { message, storeId: seller.storeId, storeName: 'Tejidos Quispe', buyerId: buyer.user.id, recipient: 'store' });
    await queueChatMessagePush(db, { message, storeId: seller.storeId, storeName: 'Tejidos Quispe', buyerId: buyer.user.id, recipient: 'store' });
    const toSeller = await pushRows(seller.user.id);
    expect(toSeller).toHaveLength(1);
    expect(toSeller[0]!.data).toMatchObject({ preview: '¿Tienen talla M?', url: expect.stringContaining(`/dashboard/inbox/${seller.storeId}/`) });
    await queueChatMessagePush(db, { message: { ...(message as object), id: crypto.randomUUID() } as never, storeId: seller.storeId, storeName: 'Tejidos Quispe', buyerId: buyer.user.id, recipient: 'buyer' });
    const toBuyer = await pushRows(buyer.user.id);
    expect(toBuyer).toHaveLength(1);
    expect(toBuyer[0]!.data).toMatchObject({ from: 'Tejidos Quispe', url: expect.stringMatching(/^\/mensajes\//) });
    const before = service.received.length;
    expect(await deliverPush({ db, agent: service.agent, messageId: toBuyer[0]!.id, vapid })).toMatchObject({ outcome: 'sent', delivered: 1 });
    expect((await service.waitFor(before + 1)).at(-1)!.payload).toMatchObject({ title: 'Mensaje de Tejidos Quispe', body: '¿Tienen talla M?' });
  });

  it('a store going live notifies followers with a device, once per show', async () => {
    const seller = await sellerWithStore();
    const fan = await sellerWithStore();
    const lurker = await sellerWithStore(); // follows, no device
    const sub = service.subscribe();
    await fan.caller.push.subscribe({ endpoint: sub.endpoint, keys: sub.keys });
    await db.insert(follows).values([
      { userId: fan.user.id, storeId: seller.storeId },
      { userId: lurker.user.id, storeId: seller.storeId },
    ]);
    const show = { id: crypto.randomUUID(), storeId: seller.storeId, slug: 'gran-remate', title: 'Gran remate de chompas', storeName: 'Tejidos Quispe' };
    expect(await queueStoreLivePush(db, show)).toBe(1);
    expect(await queueStoreLivePush(db, show)).toBe(0);
    expect(await pushRows(lurker.user.id)).toHaveLength(0);
    const [row] = await pushRows(fan.user.id);
    expect(row).toMatchObject({ template: 'store_live', data: { url: '/live/gran-remate', showTitle: 'Gran remate de chompas' } });
  });
});

describe('push texts', () => {
  it('speaks Spanish by default and English when asked, with local money formats', () => {
    const data = { storeId: 's', orderId: 'o', number: 7, total: 45000, currency: 'COP', storeName: 'Café Huila' };
    expect(renderPush('order_paid', 'es', data)).toMatchObject({ title: 'Nuevo pedido #7' });
    expect(renderPush('order_paid', 'es', data).body).toContain('45.000');
    expect(renderPush('order_paid', 'en', data).body).toContain('45,000');
    expect(() => renderPush('order_paid', 'es', { ...data, total: 'mucho' })).toThrow();
  });
});
