import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { productVariants } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { generateSuggestions } from '../chat/ai';
import { insertOrderFixture } from '../orders/order-fixtures';
import { segmentOf } from './customers';

process.env.MEDIA_DRIVER = 'local';
process.env.MEDIA_SIGNING_SECRET ??= crypto.randomBytes(32).toString('hex');

const db = testDb();
let n = 0;
const cid = () => crypto.randomBytes(10).toString('hex');

async function world() {
  const owner = await createTestUser(db);
  const seller = callerFor(db, owner);
  const store = await seller.store.create({ name: 'Moda Andina', slug: `crm-${Date.now().toString(36)}-${n++}`, currency: 'PEN' });
  const product = await seller.product.create({
    storeId: store.id,
    title: 'Polo básico',
    price: 3990,
    currency: 'PEN',
    options: [{ name: 'Talla', values: ['S', 'M', 'L'] }],
    variants: [
      { options: { Talla: 'S' }, stock: 4 },
      { options: { Talla: 'M' }, stock: 0 },
      { options: { Talla: 'L' }, stock: 2 },
    ],
  });
  const variants = await db.select({ id: productVariants.id, options: productVariants.options }).from(productVariants).where(eq(productVariants.productId, product.id));
  const variantS = variants.find((v) => v.options.Talla === 'S')!.id;
  return { owner, seller, store, product, variantS };
}

async function paidOrder(storeId: string, variantId: string, buyerId: string, createdAt = new Date()) {
  const o = await insertOrderFixture(db, { storeId, currency: 'PEN', lines: [{ variantId, qty: 1 }], createdAt });
  await db.execute(sql`update orders set buyer_user_id = ${buyerId} where id = ${o.id}`);
  return o;
}

describe('CRM', () => {
  it('lists everyone who bought or wrote, with lifetime value, orders, last interaction, tags and segments', async () => {
    const { seller, store, product, variantS } = await world();
    const vip = await createTestUser(db, { email: `vip-${cid()}@prueba.vita` });
    const lapsed = await createTestUser(db, { email: `lapsed-${cid()}@prueba.vita` });
    const writer = await createTestUser(db, { email: `writer-${cid()}@prueba.vita` });
    for (let i = 0; i < 3; i++) await paidOrder(store.id, variantS, vip.id);
    await paidOrder(store.id, variantS, lapsed.id, new Date(Date.now() - 90 * 86_400_000));
    await callerFor(db, writer).chat.start({ storeId: store.id, productId: product.id, body: '¿Tienen talla M?', clientId: cid() });

    const list = await seller.crm.list({ storeId: store.id });
    const by = Object.fromEntries(list.items.map((c) => [c.id, c]));
    expect(Object.keys(by).sort()).toEqual([vip.id, lapsed.id, writer.id].sort());
    expect(by[vip.id]).toMatchObject({ orders: 3, segment: 'vip', currency: 'PEN' });
    expect(by[vip.id]!.ltv).toBe(3 * (3990 + 1000));
    expect(by[lapsed.id]).toMatchObject({ orders: 1, segment: 'at_risk' });
    expect(by[writer.id]).toMatchObject({ orders: 0, segment: 'new', waiting: true, unread: 1 });
    expect(list.segments).toEqual({ new: 1, repeat: 0, vip: 1, at_risk: 1 });

    await seller.crm.addTag({ storeId: store.id, buyerId: writer.id, tag: 'Mayorista' });
    await seller.crm.addNote({ storeId: store.id, buyerId: writer.id, body: 'Compra para su bodega en Cusco' });
    expect((await seller.crm.list({ storeId: store.id, tag: 'mayorista' })).items.map((c) => c.id)).toEqual([writer.id]);
    expect((await seller.crm.list({ storeId: store.id, segment: 'vip' })).items.map((c) => c.id)).toEqual([vip.id]);
    expect((await seller.crm.list({ storeId: store.id, q: 'lapsed' })).items.map((c) => c.id)).toEqual([lapsed.id]);

    const page = await seller.crm.customer({ storeId: store.id, buyerId: writer.id });
    expect(page.customer.tags).toEqual(['mayorista']);
    expect(page.notes.map((x) => x.body)).toEqual(['Compra para su bodega en Cusco']);
    expect(page.timeline.map((t) => t.kind)).toEqual(['message']);
    expect(page.nextSteps.map((s) => s.kind)).toEqual(['reply', 'restock', 'follow_up']);
    expect(page.nextSteps[1]!.text).toMatch(/Polo básico \(talla M\)/);

    const lapsedPage = await seller.crm.customer({ storeId: store.id, buyerId: lapsed.id });
    expect(lapsedPage.timeline.map((t) => t.kind)).toEqual(['order']);
    expect(lapsedPage.nextSteps.map((s) => s.kind)).toContain('coupon');
  });

  it('insights: most asked questions by intent, unanswered conversations, sold-out options asked for, daily volume', async () => {
    const { seller, store, product } = await world();
    for (let i = 0; i < 5; i++) {
      const b = callerFor(db, await createTestUser(db));
      const r = await b.chat.start({ storeId: store.id, productId: product.id, body: i % 2 ? '¿Hay talla M?' : 'tienen en talla m??', clientId: cid() });
      await generateSuggestions({ db, messageId: r.message.id });
    }
    const c = callerFor(db, await createTestUser(db));
    const r = await c.chat.start({ storeId: store.id, body: '¿Hacen envíos a Arequipa?', clientId: cid() });
    await generateSuggestions({ db, messageId: r.message.id });
    await seller.inbox.reply({ storeId: store.id, conversationId: r.conversation.id, body: 'Sí', clientId: cid() });

    const ins = await seller.crm.insights({ storeId: store.id });
    expect(ins.outOfStock[0]).toMatchObject({ productId: product.id, option: 'talla M', buyers: 5, text: '5 compradores preguntaron por Polo básico en talla M (agotado)' });
    expect(ins.unanswered.count).toBe(5);
    const top = ins.intents[0]!;
    expect(['availability', 'variant']).toContain(top.intent);
    expect(top.count).toBe(5);
    expect(ins.intents.find((x) => x.intent === 'shipping')?.count).toBe(1);
    expect(ins.daily).toHaveLength(14);
    expect(ins.daily.at(-1)).toMatchObject({ buyer: 6, seller: 1 });
    expect(ins.aiUse.suggested).toBe(6);
  });

  it('is the store’s own: no customer page for someone who never bought or wrote there, nor for another store’s', async () => {
    const a = await world();
    const b = await world();
    const buyer = await createTestUser(db);
    await callerFor(db, buyer).chat.start({ storeId: a.store.id, body: 'Hola', clientId: cid() });
    expect((await rejectionOf(b.seller.crm.customer({ storeId: b.store.id, buyerId: buyer.id }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(b.seller.crm.addNote({ storeId: b.store.id, buyerId: buyer.id, body: 'x' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(b.seller.crm.customer({ storeId: a.store.id, buyerId: buyer.id }))).code).toBe('NOT_FOUND');
    expect((await b.seller.crm.list({ storeId: b.store.id })).items).toEqual([]);
  });

  it('lists guest buyers by normalised email, merges guest orders into the account with that email, and keeps their tags and notes', async () => {
    const { seller, store, variantS } = await world();
    const tag = cid().slice(0, 6);
    const guestEmail = `ana.${tag}@correo.pe`;
    // Two guest orders written with different case and spaces: one customer. A pending one does not count.
    await insertOrderFixture(db, { storeId: store.id, currency: 'PEN', lines: [{ variantId: variantS, qty: 1 }], buyer: { name: 'Ana Torres', email: `  Ana.${tag}@Correo.PE ` }, createdAt: new Date(Date.now() - 86_400_000) });
    await insertOrderFixture(db, { storeId: store.id, currency: 'PEN', lines: [{ variantId: variantS, qty: 2 }], buyer: { name: 'Ana T.', email: guestEmail } });
    await insertOrderFixture(db, { storeId: store.id, currency: 'PEN', status: 'pending_payment', lines: [{ variantId: variantS, qty: 1 }], buyer: { name: 'Ana', email: guestEmail } });
    await insertOrderFixture(db, { storeId: store.id, currency: 'PEN', status: 'pending_payment', lines: [{ variantId: variantS, qty: 1 }], buyer: { name: 'Nadie', email: `nadie-${tag}@correo.pe` } });
    // A guest order placed with the email of an existing account (other case) is that account's.
    const account = await createTestUser(db, { email: `luis-${tag}@prueba.vita` });
    await insertOrderFixture(db, { storeId: store.id, currency: 'PEN', lines: [{ variantId: variantS, qty: 1 }], buyer: { name: 'Luis', email: `LUIS-${tag}@Prueba.Vita` } });

    const list = await seller.crm.list({ storeId: store.id });
    const guestId = `guest:${guestEmail}`;
    expect(list.items.map((c) => c.id).sort()).toEqual([account.id, guestId].sort());
    const guest = list.items.find((c) => c.id === guestId)!;
    expect(guest).toMatchObject({ guest: true, name: 'Ana T.', email: guestEmail, orders: 2, ltv: 3990 + 1000 + 2 * 3990 + 1000, segment: 'repeat', conversationId: null });
    expect(list.items.find((c) => c.id === account.id)).toMatchObject({ guest: false, email: account.email, orders: 1, ltv: 3990 + 1000 });
    expect((await seller.crm.list({ storeId: store.id, q: 'ana t' })).items.map((c) => c.id)).toEqual([guestId]);

    // The guest's page: their orders, tags and notes.
    const page = await seller.crm.customer({ storeId: store.id, buyerId: guestId });
    expect(page.timeline.map((t) => t.kind)).toEqual(['order', 'order', 'order']); // the pending one is shown too
    expect(await seller.crm.addTag({ storeId: store.id, buyerId: guestId, tag: 'Mayorista' })).toEqual(['mayorista']);
    await seller.crm.addNote({ storeId: store.id, buyerId: guestId, body: 'Pidió factura' });

    // Later Ana signs up with that email: one customer, the account, with her guest orders, tags and notes.
    const ana = await createTestUser(db, { email: guestEmail.toUpperCase() });
    const merged = await seller.crm.list({ storeId: store.id });
    expect(merged.items.map((c) => c.id).sort()).toEqual([account.id, ana.id].sort());
    expect(merged.items.find((c) => c.id === ana.id)).toMatchObject({ guest: false, orders: 2, tags: ['mayorista'] });
    const anaPage = await seller.crm.customer({ storeId: store.id, buyerId: ana.id });
    expect(anaPage.timeline.filter((t) => t.kind === 'order')).toHaveLength(3);
    expect(anaPage.notes.map((x) => x.body)).toEqual(['Pidió factura']);
    expect(await seller.crm.removeTag({ storeId: store.id, buyerId: ana.id, tag: 'mayorista' })).toEqual([]);
    expect((await rejectionOf(seller.crm.customer({ storeId: store.id, buyerId: guestId }))).code).toBe('NOT_FOUND');
  });

  it('refuses malformed customer keys with a typed error and writes nothing', async () => {
    const { seller, store } = await world();
    for (const buyerId of ['guest:a b@c.pe', '<script>', 'x'.repeat(129), '']) {
      expect((await rejectionOf(seller.crm.customer({ storeId: store.id, buyerId }))).code).toBe('BAD_REQUEST');
      expect((await rejectionOf(seller.crm.addTag({ storeId: store.id, buyerId, tag: 'vip' }))).code).toBe('BAD_REQUEST');
    }
    // Well-formed but not a customer of this store: NOT_FOUND, nothing written.
    expect((await rejectionOf(seller.crm.addNote({ storeId: store.id, buyerId: 'guest:nadie+1@correo.pe', body: 'x' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(seller.crm.addTag({ storeId: store.id, buyerId: 'guest:nadie+1@correo.pe', tag: 'vip' }))).code).toBe('NOT_FOUND');
    const [row] = (await db.execute(sql`select count(*)::int as n from customer_tags where store_id = ${store.id}`)) as unknown as Array<{ n: number }>;
    expect(row?.n).toBe(0);
  });

  it('segments by rule', () => {
    const now = Date.now();
    const ago = (d: number) => new Date(now - d * 86_400_000).toISOString();
    expect(segmentOf({ orders: 0, ltv: 0, lastOrderAt: null, lastInteractionAt: ago(1) }, 0, now)).toBe('new');
    expect(segmentOf({ orders: 2, ltv: 100, lastOrderAt: ago(5), lastInteractionAt: ago(5) }, 0, now)).toBe('repeat');
    expect(segmentOf({ orders: 1, ltv: 90000, lastOrderAt: ago(5), lastInteractionAt: ago(5) }, 50000, now)).toBe('vip');
    expect(segmentOf({ orders: 2, ltv: 100, lastOrderAt: ago(70), lastInteractionAt: ago(40) }, 0, now)).toBe('at_risk');
    expect(segmentOf({ orders: 2, ltv: 100, lastOrderAt: ago(70), lastInteractionAt: ago(3) }, 0, now)).toBe('repeat');
  });
});
