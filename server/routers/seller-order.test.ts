import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orderEvents, orders, outbox, productVariants, stockReservations, storeMembers } from '../db/schema';
import { postLedgerTransaction } from '../services/ledger/post-transaction';
import { insertOrderFixture } from '../services/orders/order-fixtures';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

async function sellerWithProduct(stock = 10) {
  const user = await createTestUser(db);
  const api = callerFor(db, user);
  const store = await api.store.create({ name: 'Tejidos Quispe', slug: uniqueSlug('so'), currency: 'PEN' });
  const product = await api.product.create({
    storeId: store.id,
    title: 'Chompa de alpaca',
    price: 18900,
    currency: 'PEN',
    variants: [{ options: {}, stock }],
  });
  const [variant] = await db.select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.productId, product.id));
  const variantId = variant!.id;
  const order = (opts: Partial<Parameters<typeof insertOrderFixture>[1]> = {}) =>
    insertOrderFixture(db, { storeId: store.id, currency: 'PEN', lines: [{ variantId, qty: 2 }], ...opts });
  return { user, api, store, variantId, order };
}

const ship = { carrier: 'Olva' as const, trackingNumber: 'OLV-123456', trackingUrl: 'https://tracking.olvacourier.com/?id=OLV-123456' };

describe('seller orders: list', () => {
  it('filters by status tab, searches by number, name and email, counts per status, and pages', async () => {
    const { api, store, order } = await sellerWithProduct(50);
    const a = await order({ buyer: { name: 'Rosa Huamán', email: 'rosa@prueba.vita' } });
    const b = await order({ status: 'pending_payment', buyer: { name: 'Luis Torres', email: 'luis@prueba.vita' } });
    const c = await order({ status: 'cancelled', buyer: { name: 'Ana Ríos', email: 'ana@prueba.vita' }, createdAt: new Date('2026-01-10T12:00:00Z') });

    const all = await api.sellerOrder.list({ storeId: store.id });
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ paid: 1, pending_payment: 1, cancelled: 1, fulfilled: 0 });
    expect(all.items[0]).toMatchObject({ itemCount: 2, firstItem: 'Chompa de alpaca', currency: 'PEN' });

    expect((await api.sellerOrder.list({ storeId: store.id, status: 'paid' })).items.map((o) => o.id)).toEqual([a.id]);
    expect((await api.sellerOrder.list({ storeId: store.id, status: 'closed' })).items.map((o) => o.id)).toEqual([c.id]);
    expect((await api.sellerOrder.list({ storeId: store.id, q: `#${b.number}` })).items.map((o) => o.id)).toEqual([b.id]);
    expect((await api.sellerOrder.list({ storeId: store.id, q: 'huamán' })).items.map((o) => o.id)).toEqual([a.id]);
    const byEmail = await api.sellerOrder.list({ storeId: store.id, q: 'luis@' });
    expect(byEmail.items.map((o) => o.id)).toEqual([b.id]);
    expect(byEmail.counts).toMatchObject({ pending_payment: 1, paid: 0 });
    const january = await api.sellerOrder.list({ storeId: store.id, from: '2026-01-01', to: '2026-01-10' });
    expect(january.items.map((o) => o.id)).toEqual([c.id]);
    const paged = await api.sellerOrder.list({ storeId: store.id, pageSize: 5, page: 2 });
    expect(paged).toMatchObject({ total: 3, items: [] });

    const badRange = await rejectionOf(api.sellerOrder.list({ storeId: store.id, from: '2026-02-01', to: '2026-01-01' }));
    expect(badRange.code).toBe('BAD_REQUEST');
  });

  it("keeps stores apart: another store's order is NOT_FOUND everywhere", async () => {
    const mine = await sellerWithProduct();
    const theirs = await sellerWithProduct();
    const order = await theirs.order();
    expect((await mine.api.sellerOrder.list({ storeId: mine.store.id })).total).toBe(0);
    const calls = [
      () => mine.api.sellerOrder.get({ storeId: mine.store.id, orderId: order.id }),
      () => mine.api.sellerOrder.fulfill({ storeId: mine.store.id, orderId: order.id, ...ship }),
      () => mine.api.sellerOrder.markDelivered({ storeId: mine.store.id, orderId: order.id }),
      () => mine.api.sellerOrder.cancel({ storeId: mine.store.id, orderId: order.id }),
      () => mine.api.sellerOrder.get({ storeId: theirs.store.id, orderId: order.id }),
    ];
    for (const call of calls) expect((await rejectionOf(call())).code).toBe('NOT_FOUND');
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe('paid');
  });
});

describe('seller orders: state machine', () => {
  it('ships a paid order once: timeline entry, shipped email, then delivered releases the funds date', async () => {
    const { api, store, order, user } = await sellerWithProduct();
    const o = await order();
    const shipped = await api.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, ...ship });
    expect(shipped).toMatchObject({ status: 'fulfilled', carrier: 'Olva', trackingNumber: 'OLV-123456' });
    expect(shipped.fulfilledAt).toBeInstanceOf(Date);

    const again = await rejectionOf(api.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, ...ship }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/está enviado/);

    const mails = await db.select().from(outbox).where(eq(outbox.dedupeKey, `order_shipped:${o.id}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'order_shipped', to: o.contact.email, status: 'pending' });
    expect(mails[0]!.data).toMatchObject({ carrier: 'Olva', trackingNumber: 'OLV-123456', number: o.number });

    const before = Date.now();
    const delivered = await api.sellerOrder.markDelivered({ storeId: store.id, orderId: o.id });
    expect(delivered.status).toBe('delivered');
    expect(delivered.fundsReleaseAt!.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(delivered.fundsReleasedAt).toBeNull();
    expect((await rejectionOf(api.sellerOrder.markDelivered({ storeId: store.id, orderId: o.id }))).code).toBe('CONFLICT');

    const detail = await api.sellerOrder.get({ storeId: store.id, orderId: o.id });
    expect(detail.events.map((e) => [e.kind, e.actor])).toEqual([
      ['fulfilled', `user:${user.id}`],
      ['delivered', `user:${user.id}`],
    ]);
    expect(detail.net).toBe(o.total - o.commission);
    expect(detail.items).toHaveLength(1);
  });

  it('takes pickup orders from paid straight to delivered and refuses to ship them', async () => {
    const { api, store, order } = await sellerWithProduct();
    const o = await order({ delivery: { kind: 'pickup', label: 'Recojo en taller', details: 'Jr. Cusco 123', price: 0 } });
    const err = await rejectionOf(api.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, ...ship }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/recoge en tienda/);
    expect((await api.sellerOrder.markDelivered({ storeId: store.id, orderId: o.id })).status).toBe('delivered');
  });

  it('does not deliver a paid shipping order that was never shipped, nor ship an unpaid one', async () => {
    const { api, store, order } = await sellerWithProduct();
    const paid = await order();
    expect((await rejectionOf(api.sellerOrder.markDelivered({ storeId: store.id, orderId: paid.id }))).message).toMatch(/por enviar/);
    const pending = await order({ status: 'pending_payment' });
    const err = await rejectionOf(api.sellerOrder.fulfill({ storeId: store.id, orderId: pending.id, ...ship }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/pago pendiente/);
  });

  it('cancels a pending order once and gives its reserved units back', async () => {
    const { api, store, order, variantId } = await sellerWithProduct(10);
    const o = await order({ status: 'pending_payment' });
    const reserved = async () => (await db.select().from(productVariants).where(eq(productVariants.id, variantId)))[0]!.reserved;
    expect(await reserved()).toBe(2);

    const [first, second] = await Promise.allSettled([
      api.sellerOrder.cancel({ storeId: store.id, orderId: o.id }),
      api.sellerOrder.cancel({ storeId: store.id, orderId: o.id }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await reserved()).toBe(0);
    const [res] = await db.select().from(stockReservations).where(eq(stockReservations.orderId, o.id));
    expect(res?.releasedAt).toBeInstanceOf(Date);
    const events = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, o.id), eq(orderEvents.kind, 'cancelled')));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ releasedUnits: 2 });
  });

  it('refuses to cancel a paid order (refund instead)', async () => {
    const { api, store, order } = await sellerWithProduct();
    const o = await order();
    const err = await rejectionOf(api.sellerOrder.cancel({ storeId: store.id, orderId: o.id }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/reembólsalo/);
  });

  it('lets two members click "ship" at once: exactly one wins', async () => {
    const { api, store, order } = await sellerWithProduct();
    const staff = await createTestUser(db);
    await db.insert(storeMembers).values({ storeId: store.id, userId: staff.id, role: 'staff' });
    const staffApi = callerFor(db, staff);
    const o = await order();
    const results = await Promise.allSettled([
      api.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, ...ship, trackingNumber: 'AAA-111' }),
      staffApi.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, carrier: 'Otro', carrierName: 'Cruz del Sur', trackingNumber: 'BBB-222' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.code).toBe('CONFLICT');
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, o.id));
    expect(events).toHaveLength(1);
    const [row] = await db.select().from(orders).where(eq(orders.id, o.id));
    expect(row?.trackingNumber).toBe((events[0]!.data as { trackingNumber: string }).trackingNumber);
    expect(await db.select().from(outbox).where(eq(outbox.dedupeKey, `order_shipped:${o.id}`))).toHaveLength(1);
  });

  it('validates the ship form with field messages', async () => {
    const { api, store, order } = await sellerWithProduct();
    const o = await order();
    const err = await rejectionOf(
      api.sellerOrder.fulfill({ storeId: store.id, orderId: o.id, carrier: 'Otro', trackingNumber: 'x', trackingUrl: 'javascript:alert(1)' }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, o.id));
    expect(row?.status).toBe('paid');
  });

  it('refunds a paid order through sellerOrder.refund once per key, and the wallet shows it', async () => {
    const { api, store, order, user } = await sellerWithProduct();
    const o = await order();
    await db.transaction((tx) =>
      postLedgerTransaction(tx, {
        kind: 'payment',
        refType: 'order',
        refId: o.id,
        currency: o.currency,
        lines: [
          { owner: 'platform', kind: 'clearing', amount: o.total },
          { owner: { storeId: store.id }, kind: 'seller_pending', amount: -(o.total - o.commission) },
          { owner: 'platform', kind: 'commission_revenue', amount: -o.commission },
        ],
      }),
    );
    const key = crypto.randomUUID();
    const refund = { storeId: store.id, orderId: o.id, amount: o.total, reason: 'Sin stock', idempotencyKey: key };
    // A double click: one refund. (refundOrder answers the replay of a full refund with CONFLICT — the order is no
    // longer refundable — rather than the first answer; either way nothing is refunded twice.)
    const results = await Promise.allSettled([api.sellerOrder.refund(refund), api.sellerOrder.refund(refund)]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const detail = await api.sellerOrder.get({ storeId: store.id, orderId: o.id });
    expect(detail).toMatchObject({ status: 'refunded', refundedAmount: o.total, net: 0 });
    expect(detail.events.filter((e) => e.kind === 'refunded').map((e) => e.actor)).toEqual([`user:${user.id}`]);
    const wallet = await api.wallet.get({ storeId: store.id });
    expect(wallet.balances.pending).toBe(0);
    expect(wallet.transactions.map((t) => [t.kind, t.amount])).toEqual([
      ['refund', -(o.total - o.commission)],
      ['payment', o.total - o.commission],
    ]);
    const tooLate = await rejectionOf(api.sellerOrder.refund({ ...refund, idempotencyKey: crypto.randomUUID() }));
    expect(tooLate.code).toBe('CONFLICT');
  });
});
