import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalMediaStorage } from '../../adapters/media/local';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { checkouts, orderItems, orders, storeMembers, stores } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { handleReceiptDownload, type ReceiptRouteDeps } from '../../http/receipts';
import { createTestUser, testDb } from '../../testing/db';
import { generateReceipt, receiptKey } from './generate-receipt';
import { renderReceipt, winAnsiText, type ReceiptData } from './render-receipt';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-receipts-'));
const secret = crypto.randomBytes(32).toString('hex');
const storage = new LocalMediaStorage({ dir: path.join(root, 'media'), secret });
// The 'order.receipt' job builds its storage and database from env(), read lazily: the same dir and database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.COGNITO_USER_POOL_ID ??= 'local_test';
process.env.COGNITO_CLIENT_ID ??= 'test-client';
process.env.MEDIA_DRIVER = 'local';
process.env.MEDIA_DIR = path.join(root, 'media');
process.env.MEDIA_SIGNING_SECRET = secret;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * The text a PDF viewer would show: pdfkit writes each line as a TJ array of hex strings (WinAnsi codes) inside
 * deflated content streams. Good enough to assert what is printed without an external tool.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(new TextDecoder('windows-1252').decode(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

const sample: ReceiptData = {
  locale: 'es',
  storeName: 'Calzado Peñalosa & Hijos',
  orderNumber: 1042,
  placedAt: new Date('2026-11-29T14:03:00Z'),
  paidAt: new Date('2026-11-29T14:10:00Z'),
  buyer: { name: 'María José Núñez', email: 'maria@example.com', phone: '+51 987 654 321' },
  delivery: { kind: 'flat_rate', label: 'Envío a domicilio', details: '' },
  shippingAddress: { line1: 'Av. José Larco 1234', city: 'Miraflores', region: 'Lima', country: 'PE' },
  items: [
    { title: 'Zapatillas "Añejo" 🚀', options: { Talla: '42' }, sku: 'ZAP-42', qty: 1, unitPrice: 18990, lineTotal: 18990 },
    { title: 'Medias de algodón', options: {}, qty: 2, unitPrice: 2450, lineTotal: 4900 },
  ],
  currency: 'PEN',
  subtotal: 23890,
  discount: 2389,
  couponCode: 'VERANO10',
  shippingFee: 1200,
  total: 22701,
  refundedAmount: 0,
  payment: { provider: 'cregis', reference: 'CRG-8f3a9c1d' },
  timeZone: 'America/Lima',
};

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('renderReceipt', () => {
  it('is a one-page PDF with the order, the buyer, accented text, the totals and the paid stamp (es)', async () => {
    const pdf = await renderReceipt(sample);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = nbsp(pdfText(pdf));
    for (const s of [
      'Calzado Peñalosa & Hijos',
      'Comprobante de pago',
      'Pedido #1042',
      'PAGADO',
      'María José Núñez',
      'maria@example.com',
      'Av. José Larco 1234',
      'Zapatillas "Añejo"',
      'Talla: 42 · SKU ZAP-42',
      'Medias de algodón',
      'S/ 189.90',
      'S/ 49',
      'Descuento (VERANO10)',
      '-S/ 23.89',
      'Envío: Envío a domicilio',
      'Total pagado',
      'S/ 227.01',
      'CRG-8f3a9c1d',
      'Cregis (cripto)',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('🚀');
  });

  it('speaks English for an en order', async () => {
    const text = nbsp(pdfText(await renderReceipt({ ...sample, locale: 'en', refundedAmount: 500 })));
    for (const s of ['Payment receipt', 'Order #1042', 'PAID', 'Total paid', 'PEN 227.01', 'Refunded', 'UNIT PRICE']) expect(text).toContain(s);
  });

  it('continues a long order on more pages without losing a line', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ title: `Producto número ${i + 1}`, options: {}, qty: 1, unitPrice: 100, lineTotal: 100 }));
    const pdf = await renderReceipt({ ...sample, items, subtotal: 4000, discount: 0, couponCode: null, total: 5200 });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
    const text = pdfText(pdf);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`Producto número ${i}\n`);
    expect(text.match(/Total pagado/g)).toHaveLength(1);
  });

  it('keeps what the standard fonts can print and folds or drops the rest', () => {
    expect(winAnsiText('Ñandú – “café” € 1−2')).toBe('Ñandú – “café” € 1-2');
    expect(winAnsiText('Łódź 🚀 ok')).toBe('Lódz ok');
    expect(winAnsiText('中')).toBe('?');
  });
});

let db: Db;
let owner: SessionUser;
let buyer: SessionUser;
let storeId: string;

beforeAll(async () => {
  db = testDb();
  owner = await createTestUser(db);
  buyer = await createTestUser(db);
  const slug = `r-${crypto.randomBytes(4).toString('hex')}`;
  const [store] = await db.insert(stores).values({ slug, name: 'Tienda Peñalosa', currency: 'PEN' }).returning();
  storeId = store!.id;
  await db.insert(storeMembers).values({ storeId, userId: owner.id, role: 'owner' });
});

async function makeOrder(opts: { paid?: boolean; buyerUserId?: string | null; locale?: string } = {}) {
  const accessToken = crypto.randomBytes(24).toString('base64url');
  const [checkout] = await db
    .insert(checkouts)
    .values({
      email: 'guest@test.vita',
      amount: 6100,
      currency: 'PEN',
      provider: 'cregis',
      providerRef: `CRG-${crypto.randomBytes(4).toString('hex')}`,
      status: opts.paid === false ? 'pending' : 'paid',
      expiresAt: new Date(Date.now() + 30 * 60_000),
      accessToken,
      paidAt: opts.paid === false ? null : new Date(),
    })
    .returning();
  const [order] = await db
    .insert(orders)
    .values({
      storeId,
      checkoutId: checkout!.id,
      buyerUserId: opts.buyerUserId ?? null,
      contact: { name: 'Lucía Gómez', email: 'guest@test.vita' },
      locale: opts.locale ?? 'es',
      status: opts.paid === false ? 'pending_payment' : 'paid',
      currency: 'PEN',
      subtotal: 4900,
      shippingFee: 1200,
      total: 6100,
      delivery: { optionId: crypto.randomUUID(), kind: 'flat_rate', label: 'Olva', details: '', price: 1200 },
      shippingAddress: { line1: 'Jr. Ucayali 123', city: 'Lima', country: 'PE' },
      paidAt: opts.paid === false ? null : new Date(),
    })
    .returning();
  await db.insert(orderItems).values({ orderId: order!.id, title: 'Medias de algodón', options: { Pack: '3' }, unitPrice: 2450, qty: 2, lineTotal: 4900 });
  return { order: order!, accessToken };
}

describe('generateReceipt', () => {
  it('stores the PDF under receipts/<storeId>/<orderId>.pdf, records the key, and does it once', async () => {
    const { order } = await makeOrder();
    const first = await generateReceipt({ db, storage, orderId: order.id });
    expect(first).toEqual({ key: `receipts/${storeId}/${order.id}.pdf`, created: true });
    const [after] = await db.select({ receiptKey: orders.receiptKey }).from(orders).where(eq(orders.id, order.id));
    expect(after!.receiptKey).toBe(first.key);
    const bytes = await storage.getObject(first.key);
    expect(bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(bytes!)).toContain(`Pedido #${order.number}`);

    expect(await generateReceipt({ db, storage, orderId: order.id })).toEqual({ key: first.key, created: false });
    expect((await storage.getObject(first.key))!.equals(bytes!)).toBe(true);

    // The object went missing (bucket cleanup, a new machine): the next run writes it again.
    await storage.deleteObject(first.key);
    expect(await generateReceipt({ db, storage, orderId: order.id })).toEqual({ key: first.key, created: true });
  });

  it('refuses an unpaid order and an unknown one', async () => {
    const { order } = await makeOrder({ paid: false });
    await expect(generateReceipt({ db, storage, orderId: order.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    const err = await generateReceipt({ db, storage, orderId: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_FOUND');
  });
});

describe("job 'order.receipt'", () => {
  it('generates the receipt of a paid order and shrugs at unknown or unpaid ones', async () => {
    const { outboxJobs } = await import('../../jobs/handlers/outbox');
    const { order } = await makeOrder();
    await outboxJobs['order.receipt']({ orderId: order.id });
    const [after] = await db.select({ receiptKey: orders.receiptKey }).from(orders).where(eq(orders.id, order.id));
    expect(after!.receiptKey).toBe(receiptKey(storeId, order.id));
    expect(await storage.headObject(after!.receiptKey!)).not.toBeNull();
    await outboxJobs['order.receipt']({ orderId: order.id });

    const unpaid = await makeOrder({ paid: false });
    await expect(outboxJobs['order.receipt']({ orderId: unpaid.order.id })).resolves.toBeUndefined();
    await expect(outboxJobs['order.receipt']({ orderId: crypto.randomUUID() })).resolves.toBeUndefined();
  });
});

describe('GET /api/orders/<orderId>/receipt', () => {
  const deps = (user: SessionUser | null): ReceiptRouteDeps => ({ db, storage, sessionUser: async () => user });
  const get = (orderId: string, user: SessionUser | null, t?: string) =>
    handleReceiptDownload(new Request(`https://vita.test/api/orders/${orderId}/receipt${t === undefined ? '' : `?t=${encodeURIComponent(t)}`}`), orderId, deps(user));

  async function expectPdf(res: Response, number: number, name = 'comprobante') {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}-${number}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
  }

  async function expectNotFound(res: Response) {
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', key: 'errors.http.notFound', message: 'No encontrado.' } });
  }

  it('serves a guest holding the checkout token, generating the receipt if its job has not run yet', async () => {
    const { order, accessToken } = await makeOrder();
    expect(order.receiptKey).toBeNull();
    await expectPdf(await get(order.id, null, accessToken), order.number);
    const [after] = await db.select({ receiptKey: orders.receiptKey }).from(orders).where(eq(orders.id, order.id));
    expect(after!.receiptKey).toBe(receiptKey(storeId, order.id));
  });

  it('serves the signed-in buyer and any member of the store, in the order language', async () => {
    const { order } = await makeOrder({ buyerUserId: buyer.id, locale: 'en' });
    await expectPdf(await get(order.id, buyer), order.number, 'receipt');
    await expectPdf(await get(order.id, owner), order.number, 'receipt');
    const staff = await createTestUser(db);
    await db.insert(storeMembers).values({ storeId, userId: staff.id, role: 'staff' });
    await expectPdf(await get(order.id, staff), order.number, 'receipt');
  });

  it('answers the same 404 to everyone else, whether or not the order exists', async () => {
    const { order, accessToken } = await makeOrder({ buyerUserId: buyer.id });
    const stranger = await createTestUser(db);
    await expectNotFound(await get(order.id, null));
    await expectNotFound(await get(order.id, null, ''));
    await expectNotFound(await get(order.id, null, `${accessToken}x`));
    await expectNotFound(await get(order.id, null, accessToken.slice(0, -1)));
    await expectNotFound(await get(order.id, stranger));
    await expectNotFound(await get(crypto.randomUUID(), owner));
    await expectNotFound(await get('../../etc/passwd', owner));
    // Another order's token opens only that order.
    const other = await makeOrder();
    await expectNotFound(await get(order.id, null, other.accessToken));

    const unpaid = await makeOrder({ paid: false });
    await expectNotFound(await get(unpaid.order.id, null, unpaid.accessToken));
    await expectNotFound(await get(unpaid.order.id, owner));
  });
});
