import { z } from 'zod';
import { formatMoney } from '../../../../components/ui/money';

export type EmailLocale = 'es' | 'en';
export type RenderedEmail = { subject: string; text: string; html: string };
export type RenderContext = { locale: EmailLocale; appUrl: string };

/**
 * A template: the zod schema of what callers pass, and how it becomes an email. `aliases` maps another name a caller
 * may use to the schema's name (`orderNumber` → `number`), applied before parsing.
 */
export type EmailTemplateDef<S extends z.ZodType = z.ZodType> = {
  schema: S;
  render: (data: z.output<S>, ctx: RenderContext) => RenderedEmail;
  aliases: Record<string, string>;
};

export function defineTemplate<S extends z.ZodType>(
  schema: S,
  render: (data: z.output<S>, ctx: RenderContext) => RenderedEmail,
  aliases: Record<string, string> = {},
): EmailTemplateDef<S> {
  return { schema, render, aliases: { ...ORDER_ALIASES, ...aliases } };
}

const ORDER_ALIASES = { orderNumber: 'number' };

export function emailLocale(locale: string | null | undefined): EmailLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of text that reaches the HTML goes through here: names and titles are typed by users. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// ── Shared data shapes ────────────────────────────────────────────────────────────────────────────────────────
export const ZAmount = z.number().int().nonnegative();
/** Only web links reach a button: never javascript: or data: from a caller's data. */
export const ZHttpUrl = z.url({ protocol: /^https?$/, message: 'http(s) URL' });
export const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO currency code (PEN, USD, …)');
export const ZItem = z.object({
  title: z.string().min(1).max(300),
  options: z.record(z.string(), z.string()).default({}),
  qty: z.number().int().positive(),
  unitPrice: ZAmount,
});
export type TEmailItem = z.output<typeof ZItem>;

/**
 * What every order email knows about the order. Only the id and number are indispensable; what else the caller passes
 * (store, items, totals) makes the email richer. `accessToken` (the checkout's) is set for guest buyers.
 */
export const ZOrderBase = z.object({
  orderId: z.uuid(),
  number: z.number().int().positive(),
  storeName: z.string().min(1).max(200).optional(),
  currency: ZCurrency.optional(),
  total: ZAmount.optional(),
  items: z.array(ZItem).max(200).optional(),
  accessToken: z.string().min(16).max(128).optional(),
  buyerName: z.string().max(200).optional(),
});
export type TOrderBase = z.output<typeof ZOrderBase>;

/** Money fields that are optional in the base but required by some templates. */
export const ZOrderMoney = { currency: ZCurrency, total: ZAmount };

/** Optional breakdown shown under the items when the caller has it. */
export const ZBreakdown = z.object({
  subtotal: ZAmount.optional(),
  discount: ZAmount.optional(),
  shippingFee: ZAmount.optional(),
  /** The order's delivery snapshot (orders.delivery): its label names the shipping line, a pickup's details say where. */
  delivery: z
    .object({ kind: z.enum(['flat_rate', 'free_over', 'pickup']).optional(), label: z.string().max(200), details: z.string().max(1000).optional() })
    .optional(),
});

// ── Links ─────────────────────────────────────────────────────────────────────────────────────────────────────
function withBase(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, '')}${path}`;
}

export const links = {
  /** The buyer's order page; guests open it with the checkout's access token. */
  order: (appUrl: string, orderId: string, accessToken?: string) =>
    withBase(appUrl, `/pedidos/${orderId}${accessToken ? `?t=${encodeURIComponent(accessToken)}` : ''}`),
  receipt: (appUrl: string, orderId: string, accessToken?: string) =>
    withBase(appUrl, `/api/orders/${orderId}/receipt${accessToken ? `?t=${encodeURIComponent(accessToken)}` : ''}`),
  sellerOrder: (appUrl: string, storeId: string, orderId: string) => withBase(appUrl, `/dashboard/tiendas/${storeId}/pedidos/${orderId}`),
  sellerOrders: (appUrl: string, storeId: string) => withBase(appUrl, `/dashboard/tiendas/${storeId}/pedidos`),
  wallet: (appUrl: string, storeId: string) => withBase(appUrl, `/dashboard/tiendas/${storeId}/billetera`),
  plan: (appUrl: string) => withBase(appUrl, '/dashboard/plan'),
  dashboard: (appUrl: string) => withBase(appUrl, '/dashboard'),
  home: (appUrl: string) => withBase(appUrl, '/'),
};

// ── Formatting ────────────────────────────────────────────────────────────────────────────────────────────────
export function money(amount: number, currency: string, locale: EmailLocale): string {
  return formatMoney(amount, currency, locale);
}

export function formatDate(d: Date, locale: EmailLocale, opts: { timeZone?: string; withTime?: boolean } = {}): string {
  const timeZone = opts.timeZone ?? 'UTC';
  const s = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(opts.withTime ? { timeStyle: 'short' } : {}), timeZone }).format(d);
  return opts.withTime ? `${s} (${timeZone})` : s;
}

/** An IANA zone the runtime knows ("America/Lima"), for dates with a time of day. */
export const ZTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown time zone');

export function optionsLabel(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

// ── Blocks: one description renders both the HTML and the plain-text body ───────────────────────────────────
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'p'; text: string; muted?: boolean }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'rows'; rows: [label: string, value: string][] }
  | { kind: 'items'; items: TEmailItem[]; currency: string; totals: [label: string, value: string, strong?: boolean][] };

export type EmailLayout = {
  locale: EmailLocale;
  subject: string;
  /** Shown by mail apps beside the subject. */
  preheader: string;
  /** Header band: the store's name, or VITA for platform messages. */
  brand: string;
  blocks: Block[];
  footer: string;
};

const BRAND_COLOR = '#7c3aed';
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function safeHref(href: string): string {
  const u = new URL(href);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`refusing a non-http link in an email: ${u.protocol}`);
  return escapeHtml(u.toString());
}

function itemsHtml(b: Extract<Block, { kind: 'items' }>, locale: EmailLocale): string {
  const rows = b.items
    .map((it) => {
      const opts = optionsLabel(it.options);
      const line = money(it.unitPrice * it.qty, b.currency, locale);
      return `<tr>
<td style="padding:10px 0;border-bottom:1px solid #f0f0f3;vertical-align:top;">
<div style="font-size:15px;color:#18181b;font-weight:600;">${escapeHtml(it.title)}</div>
${opts ? `<div style="font-size:13px;color:#71717a;margin-top:2px;">${escapeHtml(opts)}</div>` : ''}
<div style="font-size:13px;color:#71717a;margin-top:2px;">${it.qty} × ${escapeHtml(money(it.unitPrice, b.currency, locale))}</div>
</td>
<td align="right" style="padding:10px 0 10px 12px;border-bottom:1px solid #f0f0f3;vertical-align:top;font-size:15px;color:#18181b;white-space:nowrap;">${escapeHtml(line)}</td>
</tr>`;
    })
    .join('\n');
  const totals = b.totals
    .map(
      ([label, value, strong]) => `<tr>
<td style="padding:${strong ? '10px' : '4px'} 0 0;font-size:${strong ? '16px' : '14px'};color:${strong ? '#18181b' : '#52525b'};${strong ? 'font-weight:700;' : ''}">${escapeHtml(label)}</td>
<td align="right" style="padding:${strong ? '10px' : '4px'} 0 0 12px;font-size:${strong ? '16px' : '14px'};color:${strong ? '#18181b' : '#52525b'};white-space:nowrap;${strong ? 'font-weight:700;' : ''}">${escapeHtml(value)}</td>
</tr>`,
    )
    .join('\n');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:8px 0 16px;border-collapse:collapse;">
${rows}
${totals}
</table>`;
}

function blockHtml(b: Block, locale: EmailLocale): string {
  switch (b.kind) {
    case 'heading':
      return `<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;color:#18181b;">${escapeHtml(b.text)}</h1>`;
    case 'p':
      return `<p style="margin:0 0 14px;font-size:${b.muted ? '13px' : '15px'};line-height:1.55;color:${b.muted ? '#71717a' : '#3f3f46'};">${escapeHtml(b.text)}</p>`;
    case 'button':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 20px;"><tr><td style="border-radius:10px;background:${BRAND_COLOR};">
<a href="${safeHref(b.href)}" style="display:inline-block;padding:13px 22px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:10px;">${escapeHtml(b.label)}</a>
</td></tr></table>`;
    case 'link':
      return `<p style="margin:0 0 14px;font-size:14px;"><a href="${safeHref(b.href)}" style="color:${BRAND_COLOR};">${escapeHtml(b.label)}</a></p>`;
    case 'rows':
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:4px 0 16px;border-collapse:collapse;">
${b.rows
  .map(
    ([label, value]) => `<tr><td style="padding:6px 12px 6px 0;font-size:13px;color:#71717a;vertical-align:top;white-space:nowrap;">${escapeHtml(label)}</td>
<td style="padding:6px 0;font-size:14px;color:#18181b;word-break:break-word;">${escapeHtml(value)}</td></tr>`,
  )
  .join('\n')}
</table>`;
    case 'items':
      return itemsHtml(b, locale);
  }
}

function blockText(b: Block, locale: EmailLocale): string {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'p':
      return b.text;
    case 'button':
    case 'link':
      return `${b.label}: ${b.href}`;
    case 'rows':
      return b.rows.map(([l, v]) => `${l}: ${v}`).join('\n');
    case 'items': {
      const lines = b.items.map((it) => {
        const opts = optionsLabel(it.options);
        return `- ${it.title}${opts ? ` (${opts})` : ''}: ${it.qty} × ${money(it.unitPrice, b.currency, locale)} = ${money(it.unitPrice * it.qty, b.currency, locale)}`;
      });
      return [...lines, '', ...b.totals.map(([l, v]) => `${l}: ${v}`)].join('\n');
    }
  }
}

/** Header-safe subject: a title typed by a user must not be able to add lines to the message. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** Table layout with inline styles: what mail apps (Gmail, Outlook, iOS Mail) render alike, and fluid to 560px. */
export function renderLayout(l: EmailLayout): RenderedEmail {
  const subject = oneLine(l.subject);
  const body = l.blocks.map((b) => blockHtml(b, l.locale)).join('\n');
  const html = `<!DOCTYPE html>
<html lang="${l.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;-webkit-text-size-adjust:100%;">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(oneLine(l.preheader))}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:14px;overflow:hidden;font-family:${FONT};">
<tr><td style="background:${BRAND_COLOR};padding:18px 24px;font-size:18px;font-weight:700;color:#ffffff;">${escapeHtml(l.brand)}</td></tr>
<tr><td style="padding:24px 24px 8px;">
${body}
</td></tr>
<tr><td style="padding:16px 24px 20px;border-top:1px solid #f0f0f3;font-size:12px;line-height:1.5;color:#a1a1aa;">${escapeHtml(l.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
  const text = [...l.blocks.map((b) => blockText(b, l.locale)), '—', l.footer].join('\n\n');
  return { subject, text, html };
}

/** Totals under the items: subtotal / discount / shipping only when the caller passed them, then the total. */
export function orderTotals(
  d: { total?: number; currency?: string; subtotal?: number; discount?: number; shippingFee?: number; delivery?: { label: string } },
  locale: EmailLocale,
): [string, string, boolean?][] {
  if (d.currency === undefined) return [];
  const cur = d.currency;
  const t = locale === 'en' ? { sub: 'Subtotal', disc: 'Discount', ship: 'Shipping', total: 'Total' } : { sub: 'Subtotal', disc: 'Descuento', ship: 'Envío', total: 'Total' };
  const rows: [string, string, boolean?][] = [];
  if (d.subtotal !== undefined) rows.push([t.sub, money(d.subtotal, cur, locale)]);
  if (d.discount) rows.push([t.disc, `−${money(d.discount, cur, locale)}`]);
  if (d.shippingFee !== undefined) rows.push([d.delivery?.label ? `${t.ship}: ${d.delivery.label}` : t.ship, money(d.shippingFee, cur, locale)]);
  if (d.total !== undefined) rows.push([t.total, money(d.total, cur, locale), true]);
  return rows;
}

/** The items table, when the caller passed items and their currency. */
export function itemsBlock(d: { items?: TEmailItem[]; currency?: string } & Parameters<typeof orderTotals>[0], locale: EmailLocale): Block[] {
  if (!d.items?.length || !d.currency) return [];
  return [{ kind: 'items', items: d.items, currency: d.currency, totals: orderTotals(d, locale) }];
}

export function buyerFooter(storeName: string | undefined, locale: EmailLocale): string {
  if (!storeName) return locale === 'en' ? 'You receive this email because you ordered on VITA.' : 'Recibes este correo porque hiciste un pedido en VITA.';
  return locale === 'en'
    ? `You receive this email because you ordered from ${storeName} on VITA.`
    : `Recibes este correo porque hiciste un pedido en ${storeName} a través de VITA.`;
}

/** The store's name in a sentence, or a generic word when the caller did not pass it. */
export function storeWord(storeName: string | undefined, locale: EmailLocale): string {
  return storeName ?? (locale === 'en' ? 'the store' : 'la tienda');
}

export function sellerFooter(locale: EmailLocale): string {
  return locale === 'en' ? 'You receive this email because you sell on VITA.' : 'Recibes este correo porque vendes en VITA.';
}

export function greeting(name: string | undefined, locale: EmailLocale): string {
  const n = name?.trim().split(/\s+/)[0];
  if (locale === 'en') return n ? `Hi ${n},` : 'Hi,';
  return n ? `Hola, ${n}:` : 'Hola:';
}
