import PDFDocument from 'pdfkit';
import { formatMoney } from '../../../components/ui/money';
import type { OrderDelivery, ShippingAddress } from '../../db/schema';

export type ReceiptLocale = 'es' | 'en';

export type ReceiptData = {
  locale: ReceiptLocale;
  storeName: string;
  orderNumber: number;
  placedAt: Date;
  paidAt: Date;
  buyer: { name: string; email: string; phone?: string };
  delivery: Pick<OrderDelivery, 'kind' | 'label' | 'details'>;
  shippingAddress: ShippingAddress | null;
  items: { title: string; options: Record<string, string>; sku?: string | null; qty: number; unitPrice: number; lineTotal: number }[];
  currency: string;
  subtotal: number;
  discount: number;
  couponCode: string | null;
  shippingFee: number;
  total: number;
  refundedAmount: number;
  payment: { provider: string; reference: string | null };
  /** IANA zone for the dates printed (the receipt has no reader's clock). */
  timeZone?: string;
};

const T = {
  es: {
    title: 'Comprobante de pago',
    order: 'Pedido',
    placed: 'Fecha del pedido',
    paidOn: 'Fecha de pago',
    buyer: 'Cliente',
    delivery: 'Entrega',
    pickup: 'Retiro en tienda',
    product: 'Producto',
    qty: 'Cant.',
    unit: 'P. unit.',
    lineTotal: 'Importe',
    subtotal: 'Subtotal',
    discount: 'Descuento',
    shipping: 'Envío',
    total: 'Total pagado',
    refunded: 'Reembolsado',
    payment: 'Pago',
    method: 'Medio',
    reference: 'Referencia',
    stamp: 'PAGADO',
    footer: (store: string) => `Comprobante emitido por VITA por cuenta de ${store}. No reemplaza un comprobante tributario.`,
    sku: 'SKU',
  },
  en: {
    title: 'Payment receipt',
    order: 'Order',
    placed: 'Order date',
    paidOn: 'Paid on',
    buyer: 'Customer',
    delivery: 'Delivery',
    pickup: 'Store pickup',
    product: 'Product',
    qty: 'Qty',
    unit: 'Unit price',
    lineTotal: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    shipping: 'Shipping',
    total: 'Total paid',
    refunded: 'Refunded',
    payment: 'Payment',
    method: 'Method',
    reference: 'Reference',
    stamp: 'PAID',
    footer: (store: string) => `Receipt issued by VITA on behalf of ${store}. It does not replace a tax invoice.`,
    sku: 'SKU',
  },
} as const;

const PROVIDER_LABEL: Record<ReceiptLocale, Record<string, string>> = { es: { cregis: 'Cregis (cripto)' }, en: { cregis: 'Cregis (crypto)' } };

// Characters the standard PDF fonts can show (WinAnsi): ASCII, Latin-1 and the cp1252 extras.
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters with no decomposition into a base letter + accent. */
const FOLD: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h' };

/**
 * The standard fonts speak WinAnsi, which covers Spanish and Portuguese; anything else typed by a user (emoji,
 * other scripts) would print as garbage, so it is folded to its base letter or dropped.
 */
export function winAnsiText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').replace(/[\u2212]/g, '-').replace(/[\u2007\u2009\u202f]/g, '\u00a0').replace(/[\r\n\t]+/g, ' ')) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRAS.has(ch)) {
      out += ch;
      continue;
    }
    const base = FOLD[ch] ?? ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (base && [...base].every((b) => b.codePointAt(0)! >= 0x20 && b.codePointAt(0)! <= 0x7e)) out += base;
    else if (!/\p{Extended_Pictographic}|\p{M}|[\u200d\ufe0f]/u.test(ch)) out += '?';
  }
  return out.replace(/ {2,}/g, ' ');
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const INK = '#18181b';
const MUTED = '#71717a';
const LINE = '#e4e4e7';
const BRAND = '#7c3aed';
const PAID = '#15803d';

/** One-page (more only for very long orders) A4 receipt of a paid order, in the buyer's language. */
export async function renderReceipt(data: ReceiptData): Promise<Buffer> {
  const t = T[data.locale];
  const money = (n: number) => winAnsiText(formatMoney(n, data.currency, data.locale));
  const tz = data.timeZone ?? 'UTC';
  const date = (d: Date) =>
    winAnsiText(`${new Intl.DateTimeFormat(data.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: tz }).format(d)} (${tz})`);
  const shortDate = (d: Date) => winAnsiText(new Intl.DateTimeFormat(data.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(d));

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: data.locale,
    bufferPages: true,
    info: { Title: winAnsiText(`${t.title} ${t.order} #${data.orderNumber}`), Author: winAnsiText(data.storeName), Creator: 'VITA' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const width = right - left;
  const bottom = PAGE.height - PAGE.margin - 36; // footer room

  // ── Header: store, title, order number and dates ──────────────────────────────────────────────────────────
  doc.rect(0, 0, PAGE.width, 6).fill(BRAND);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(winAnsiText(data.storeName), left, 44, { width: width - 190, lineBreak: false, ellipsis: true });
  doc.fillColor(MUTED).font('Helvetica').fontSize(11).text(t.title, left, 70);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(13).text(`${t.order} #${data.orderNumber}`, right - 190, 46, { width: 190, align: 'right' });
  doc.fillColor(MUTED).font('Helvetica').fontSize(9);
  doc.text(`${t.placed}: ${shortDate(data.placedAt)}`, right - 250, 66, { width: 250, align: 'right', lineBreak: false });
  doc.text(`${t.paidOn}: ${shortDate(data.paidAt)}`, right - 250, 79, { width: 250, align: 'right', lineBreak: false });

  // ── Stamp ─────────────────────────────────────────────────────────────────────────────────────────────────
  doc.save();
  doc.rotate(-8, { origin: [right - 70, 128] });
  doc.roundedRect(right - 130, 110, 120, 36, 6).lineWidth(2.5).strokeColor(PAID).stroke();
  doc.fillColor(PAID).font('Helvetica-Bold').fontSize(20).text(t.stamp, right - 130, 119, { width: 120, align: 'center' });
  doc.restore();

  // ── Buyer and delivery ────────────────────────────────────────────────────────────────────────────────────
  let y = 108;
  doc.moveTo(left, y).lineTo(right - 150, y).lineWidth(0.8).strokeColor(LINE).stroke();
  y += 14;
  const colW = (width - 150) / 2 - 8;
  const block = (x: number, title: string, lines: string[]) => {
    doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(8).text(title.toUpperCase(), x, y, { width: colW, characterSpacing: 0.6 });
    let by = y + 13;
    lines.forEach((line, i) => {
      doc.fillColor(i === 0 ? INK : '#3f3f46').font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
      const text = winAnsiText(line);
      doc.text(text, x, by, { width: colW });
      by += doc.heightOfString(text, { width: colW }) + 2;
    });
    return by;
  };
  const buyerLines = [data.buyer.name, data.buyer.email, ...(data.buyer.phone ? [data.buyer.phone] : [])];
  const a = data.shippingAddress;
  const deliveryLines =
    data.delivery.kind === 'pickup'
      ? [data.delivery.label || t.pickup, ...(data.delivery.details ? [data.delivery.details] : [])]
      : [
          data.delivery.label,
          ...(a
            ? [a.line1, ...(a.line2 ? [a.line2] : []), [a.city, a.region, a.postalCode].filter(Boolean).join(', '), a.country, ...(a.notes ? [a.notes] : [])]
            : []),
        ];
  y = Math.max(block(left, t.buyer, buyerLines), block(left + colW + 16, t.delivery, deliveryLines), 160) + 14;

  // ── Items ─────────────────────────────────────────────────────────────────────────────────────────────────
  const cols = { product: left + 8, qtyX: left + 262, qtyW: 44, unitX: left + 312, unitW: 84, totalX: left + 402, totalW: width - 410 };
  const header = () => {
    doc.rect(left, y, width, 22).fill('#f4f4f5');
    doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(8.5);
    doc.text(t.product.toUpperCase(), cols.product, y + 7, { width: 240 });
    doc.text(t.qty.toUpperCase(), cols.qtyX, y + 7, { width: cols.qtyW, align: 'right' });
    doc.text(t.unit.toUpperCase(), cols.unitX, y + 7, { width: cols.unitW, align: 'right' });
    doc.text(t.lineTotal.toUpperCase(), cols.totalX, y + 7, { width: cols.totalW - 8, align: 'right' });
    y += 28;
  };
  header();
  const continuePage = (withHeader = true) => {
    doc.addPage();
    doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(winAnsiText(`${data.storeName} · ${t.order} #${data.orderNumber}`), left, PAGE.margin, { width, lineBreak: false });
    y = PAGE.margin + 22;
    if (withHeader) header();
  };
  for (const item of data.items) {
    const title = winAnsiText(item.title);
    const opts = winAnsiText(
      [
        ...Object.entries(item.options).map(([k, v]) => `${k}: ${v}`),
        ...(item.sku ? [`${t.sku} ${item.sku}`] : []),
      ].join(' · '),
    );
    doc.font('Helvetica-Bold').fontSize(10);
    const titleH = doc.heightOfString(title, { width: 240 });
    doc.font('Helvetica').fontSize(8.5);
    const optsH = opts ? doc.heightOfString(opts, { width: 240 }) + 2 : 0;
    const rowH = Math.max(titleH + optsH, 12) + 10;
    if (y + rowH > bottom) continuePage();
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text(title, cols.product, y, { width: 240 });
    if (opts) doc.fillColor(MUTED).font('Helvetica').fontSize(8.5).text(opts, cols.product, y + titleH + 2, { width: 240 });
    doc.fillColor(INK).font('Helvetica').fontSize(10);
    doc.text(String(item.qty), cols.qtyX, y, { width: cols.qtyW, align: 'right' });
    doc.text(money(item.unitPrice), cols.unitX, y, { width: cols.unitW, align: 'right' });
    doc.text(money(item.lineTotal), cols.totalX, y, { width: cols.totalW - 8, align: 'right' });
    y += rowH;
    doc.moveTo(left, y - 5).lineTo(right, y - 5).lineWidth(0.5).strokeColor(LINE).stroke();
  }

  // ── Totals ────────────────────────────────────────────────────────────────────────────────────────────────
  // Totals and payment stay together on the page that has room for both (about 200pt).
  if (y + 200 > bottom) continuePage(false);
  y += 6;
  const labelX = left + 250;
  const labelW = 160;
  const valueX = labelX + labelW;
  const valueW = right - valueX - 8;
  const totalRow = (label: string, value: string, strong = false) => {
    doc.fillColor(strong ? INK : '#3f3f46').font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 12 : 10);
    doc.text(winAnsiText(label), labelX, y, { width: labelW, align: 'right' });
    doc.text(value, valueX, y, { width: valueW, align: 'right' });
    y += strong ? 20 : 16;
  };
  totalRow(t.subtotal, money(data.subtotal));
  if (data.discount > 0) totalRow(data.couponCode ? `${t.discount} (${data.couponCode})` : t.discount, `-${money(data.discount)}`);
  totalRow(data.delivery.label ? `${t.shipping}: ${data.delivery.label}` : t.shipping, money(data.shippingFee));
  doc.moveTo(labelX + 40, y - 2).lineTo(right, y - 2).lineWidth(0.8).strokeColor(INK).stroke();
  y += 5;
  totalRow(t.total, money(data.total), true);
  if (data.refundedAmount > 0) totalRow(t.refunded, `-${money(data.refundedAmount)}`);

  // ── Payment ───────────────────────────────────────────────────────────────────────────────────────────────
  y += 12;
  doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(8).text(t.payment.toUpperCase(), left, y, { characterSpacing: 0.6 });
  y += 13;
  const payRows: [string, string][] = [
    [t.method, PROVIDER_LABEL[data.locale][data.payment.provider] ?? data.payment.provider],
    ...(data.payment.reference ? ([[t.reference, data.payment.reference]] as [string, string][]) : []),
    [t.paidOn, date(data.paidAt)],
  ];
  for (const [label, value] of payRows) {
    doc.fillColor(MUTED).font('Helvetica').fontSize(9.5).text(`${label}:`, left, y, { width: 80 });
    doc.fillColor(INK).font('Helvetica').fontSize(9.5).text(winAnsiText(value), left + 80, y, { width: width - 80 });
    y += 14;
  }

  // ── Footer on every page ──────────────────────────────────────────────────────────────────────────────────
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.fillColor(MUTED).font('Helvetica').fontSize(8);
    doc.text(winAnsiText(t.footer(data.storeName)), left, PAGE.height - PAGE.margin - 14, { width, align: 'center', lineBreak: false });
  }

  doc.end();
  return done;
}
