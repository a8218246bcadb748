import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../../db/schema';
import { AppError } from '../../../errors/app-error';
import { testDb } from '../../../testing/db';
import { queueEmail, type EmailTemplate } from '../queue-email';
import { renderEmail, type EmailData } from './index';

const APP = 'https://vita.test';
const orderId = '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const storeId = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
const token = 'tok_0123456789abcdef';

const order = {
  orderId,
  number: 1042,
  storeName: 'Calzado Peñalosa',
  buyerName: 'María Núñez',
  currency: 'PEN',
  total: 24051,
  items: [
    { title: 'Zapatillas de cuero', options: { Talla: '42', Color: 'Café' } as Record<string, string>, qty: 1, unitPrice: 18990 },
    { title: 'Medias de algodón', options: {} as Record<string, string>, qty: 2, unitPrice: 2450 },
  ],
  accessToken: token,
};

/** One valid payload per template, as the order, payment and billing flows pass them. */
const samples: EmailData = {
  order_placed: { ...order, subtotal: 23890, discount: 1039, shippingFee: 1200, paymentUrl: 'https://pay.cregis.test/c/abc', expiresAt: '2026-11-29T15:00:00Z' },
  order_paid: { ...order, subtotal: 23890, discount: 1039, shippingFee: 1200, delivery: { kind: 'flat_rate', label: 'Olva Courier' }, paymentRef: 'CRG-1' },
  order_paid_seller: { ...order, storeId, commission: 1203, net: 22848 },
  order_shipped: { ...order, carrier: 'Olva Courier', trackingNumber: 'OLV123', trackingUrl: 'https://olva.test/t/OLV123' },
  order_delivered: { ...order },
  order_refunded: { ...order, refundedAmount: 4900, reason: 'Talla agotada' },
  order_expired: { ...order },
  payment_review: { orderId, number: 1042, storeId, storeName: 'Calzado Peñalosa', currency: 'PEN', expectedAmount: 24051, receivedAmount: 20000, reason: 'Monto menor al esperado' },
  payout_update: { storeId, storeName: 'Calzado Peñalosa', status: 'paid', amount: 150000, currency: 'USD', network: 'TRC20', address: 'TXyz1234567890abcdefgh' },
  plan_activated: { name: 'Ana', periodEnd: '2026-12-29T00:00:00Z', amount: 2900, currency: 'USD' },
  plan_renewal_reminder: { name: 'Ana', periodEnd: '2026-12-29T00:00:00Z', amount: 2900, currency: 'USD' },
  plan_downgraded: { name: 'Ana', readOnlyStores: 1, readOnlyProducts: 12 },
  live_started: { storeName: 'Calzado Peñalosa', title: 'Zapatillas de temporada en vivo', slug: 'ab12cd34ef' },
  team_invitation: { storeName: 'Calzado Peñalosa', inviter: 'Ana Peñalosa', role: 'staff', acceptUrl: 'https://vita.test/invitacion/tok', expiresAt: '2026-12-06T15:00:00Z' },
  chat_unread: { recipient: 'seller', storeName: 'Calzado Peñalosa', fromName: 'María Núñez', count: 2, excerpts: ['¿Tienen la talla 42?', 'Y si pago hoy, ¿llega el viernes?'], path: '/dashboard/inbox/0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d/6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4' },
};

/** formatMoney separates symbol and amount with a no-break space; assertions are written with a plain one. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

function badRequestOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_REQUEST');
    return err as AppError;
  }
  throw new Error('expected BAD_REQUEST');
}

describe('email templates', () => {
  it.each(Object.keys(samples) as EmailTemplate[])('%s renders a subject, text and a complete HTML page in es and en', (template) => {
    const es = renderEmail({ template, locale: 'es', data: samples[template], appUrl: APP });
    const en = renderEmail({ template, locale: 'en', data: samples[template], appUrl: APP });
    for (const r of [es, en]) {
      expect(r.subject.length).toBeGreaterThan(5);
      expect(r.subject).not.toMatch(/[\r\n]/);
      expect(r.html).toMatch(/^<!DOCTYPE html>/);
      expect(r.html).toContain('name="viewport"');
      expect(r.html.trim().endsWith('</html>')).toBe(true);
      expect(r.text.length).toBeGreaterThan(20);
      expect(r.text).not.toMatch(/<[a-z]/i);
    }
    expect(es.html).toContain('<html lang="es">');
    expect(en.html).toContain('<html lang="en">');
    expect(es.subject).not.toBe(en.subject);
  });

  it('writes Spanish by default, English for en, with money formatted for the currency', () => {
    const es = renderEmail({ template: 'order_paid', locale: undefined, data: samples.order_paid, appUrl: APP });
    expect(plain(es.subject)).toBe('Pago confirmado: pedido #1042');
    expect(plain(es.text)).toContain('S/ 240.51');
    expect(plain(es.text)).toContain('Zapatillas de cuero (Talla: 42 · Color: Café): 1 × S/ 189.90 = S/ 189.90');
    expect(plain(es.text)).toContain('Envío: Olva Courier: S/ 12');
    expect(plain(es.text)).toContain('Descuento: −S/ 10.39');
    const en = renderEmail({ template: 'order_paid', locale: 'en-US', data: samples.order_paid, appUrl: APP });
    expect(plain(en.subject)).toBe('Payment confirmed: order #1042');
    expect(plain(en.text)).toContain('PEN 240.51');
  });

  it('links guests to their order and receipt with the access token, from APP_URL', () => {
    const r = renderEmail({ template: 'order_paid', locale: 'es', data: samples.order_paid, appUrl: `${APP}/` });
    expect(r.html).toContain(`href="${APP}/pedidos/${orderId}?t=${token}"`);
    expect(r.html).toContain(`href="${APP}/api/orders/${orderId}/receipt?t=${token}"`);
    const signedIn = renderEmail({ template: 'order_shipped', locale: 'es', data: { ...samples.order_shipped, accessToken: undefined }, appUrl: APP });
    expect(plain(signedIn.text)).toContain(`${APP}/pedidos/${orderId}\n`);
    expect(signedIn.html).toContain('href="https://olva.test/t/OLV123"');
    const seller = renderEmail({ template: 'order_paid_seller', locale: 'es', data: samples.order_paid_seller, appUrl: APP });
    expect(seller.html).toContain(`href="${APP}/dashboard/tiendas/${storeId}/pedidos/${orderId}"`);
    expect(plain(seller.text)).toContain('Recibes: S/ 228.48');
    const placed = renderEmail({ template: 'order_placed', locale: 'es', data: { ...samples.order_placed, paymentUrl: undefined }, appUrl: APP });
    // Without the provider's URL yet, "Pagar ahora" opens the order page, which offers the payment.
    expect(placed.html).toContain(`href="${APP}/pedidos/${orderId}?t=${token}"`);
  });

  it('escapes every user-typed value in the HTML and keeps it verbatim in the text', () => {
    const evil = {
      ...samples.order_paid,
      storeName: '<script>alert("tienda")</script>',
      buyerName: '<img src=x onerror=alert(1)>',
      items: [{ title: 'Zapatos "Rojos" & <b>negrita</b>', options: { "Talla'": '<i>42</i>' }, qty: 1, unitPrice: 100 }],
      paymentRef: 'x" onmouseover="alert(2)',
    };
    const r = renderEmail({ template: 'order_paid', locale: 'es', data: evil, appUrl: APP });
    expect(r.html).not.toMatch(/<script|<img|<b>negrita|<i>42|onmouseover="alert/);
    expect(r.html).toContain('&lt;script&gt;alert(&quot;tienda&quot;)&lt;/script&gt;');
    expect(r.html).toContain('Zapatos &quot;Rojos&quot; &amp; &lt;b&gt;negrita&lt;/b&gt;');
    expect(r.html).toContain('Talla&#39;: &lt;i&gt;42&lt;/i&gt;');
    expect(plain(r.text)).toContain('Zapatos "Rojos" & <b>negrita</b>');
    // A title cannot add header lines to the message.
    const nl = renderEmail({ template: 'order_paid_seller', locale: 'es', data: { ...samples.order_paid_seller, number: 7, storeName: 'A\r\nBcc: x@evil.test' }, appUrl: APP });
    expect(nl.subject).not.toMatch(/[\r\n]/);
  });

  it('rejects bad data with the offending fields named', () => {
    const missing = badRequestOf(() => renderEmail({ template: 'order_paid', locale: 'es', data: { ...samples.order_paid, orderId: undefined }, appUrl: APP }));
    expect(missing.fields).toHaveProperty('data.orderId');
    const kinds = badRequestOf(() =>
      renderEmail({ template: 'order_placed', locale: 'es', data: { ...samples.order_placed, currency: 'soles', paymentUrl: 'javascript:alert(1)', total: 12.5 }, appUrl: APP }),
    );
    expect(Object.keys(kinds.fields ?? {}).sort()).toEqual(['data.currency', 'data.paymentUrl', 'data.total']);
    expect(kinds.message).toMatch(/order_placed/);
    const item = badRequestOf(() => renderEmail({ template: 'order_shipped', locale: 'es', data: { ...samples.order_shipped, items: [{ title: 'x', qty: 0, unitPrice: 1 }] }, appUrl: APP }));
    expect(item.fields).toHaveProperty(['data.items.0.qty']);
    badRequestOf(() => renderEmail({ template: 'order_shipped', locale: 'es', data: { ...samples.order_shipped, carrier: undefined }, appUrl: APP }));
    badRequestOf(() => renderEmail({ template: 'payout_update', locale: 'es', data: { ...samples.payout_update, status: 'processing' }, appUrl: APP }));
    badRequestOf(() => renderEmail({ template: 'nope', locale: 'es', data: {}, appUrl: APP }));
  });

  it('accepts the other names callers use for a field (orderNumber, amount, state, failureReason)', () => {
    const shipped = renderEmail({ template: 'order_shipped', locale: 'es', data: { orderId, orderNumber: 55, carrier: 'Shalom' }, appUrl: APP });
    expect(plain(shipped.subject)).toBe('Tu pedido #55 está en camino');
    const refunded = renderEmail({ template: 'order_refunded', locale: 'es', data: { orderId, number: 9, amount: 500, total: 500, currency: 'PEN' }, appUrl: APP });
    expect(plain(refunded.subject)).toBe('Reembolso de S/ 5 del pedido #9');
    expect(plain(refunded.text)).toContain('(el pedido completo)');
    const payout = renderEmail({ template: 'payout_update', locale: 'es', data: { ...samples.payout_update, status: undefined, state: 'failed', failureReason: 'Dirección inválida' }, appUrl: APP });
    expect(plain(payout.subject)).toBe('El retiro de US$1,500 no se completó');
    expect(plain(payout.text)).toContain('Motivo: Dirección inválida');
  });

  it('queueEmail refuses bad data before writing anything, and stores good data once per dedupe key', async () => {
    const db = testDb();
    const key = `test:${crypto.randomUUID()}`;
    const err = await queueEmail(db, { to: 'a@test.vita', template: 'order_paid', data: { orderId: 'nope', number: 1 }, dedupeKey: key }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields).toHaveProperty('data.orderId');
    expect(await db.select().from(outbox).where(eq(outbox.dedupeKey, key))).toHaveLength(0);

    await queueEmail(db, { to: 'a@test.vita', template: 'order_paid', locale: 'en', data: samples.order_paid, dedupeKey: key });
    await queueEmail(db, { to: 'a@test.vita', template: 'order_paid', locale: 'en', data: samples.order_paid, dedupeKey: key });
    const rows = await db.select().from(outbox).where(eq(outbox.dedupeKey, key));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', locale: 'en', template: 'order_paid', attempts: 0 });
  });
});
