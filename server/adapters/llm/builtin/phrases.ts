import { formatMoney } from '@/components/ui/money';
import type { DeliveryOptionFacts, Locale, OrderFacts, ProductFacts } from '../types';
import type { OptionMention } from './catalog-match';

/** Language-dependent pieces of the built-in replies. Facts always come from the data passed in. */

export function joinList(items: string[], lang: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${last}`;
}

export function money(amount: number, currency: string, lang: Locale): string {
  return formatMoney(amount, currency, lang);
}

const isSizeKey = (k: string) => /^(talla|size|talle)$/i.test(k);
const isColourKey = (k: string) => /^colou?r$/i.test(k);

/** "la talla M en Rojo" / "size M in Red" / "Molido" — the option values a buyer named, in order of keys. */
export function describeMentions(mentions: OptionMention[], lang: Locale): string {
  const size = mentions.find((m) => isSizeKey(m.key));
  const colour = mentions.find((m) => isColourKey(m.key));
  const rest = mentions.filter((m) => m !== size && m !== colour).map((m) => m.value);
  const parts: string[] = [];
  if (size) parts.push(lang === 'es' ? `la talla ${size.value}` : `size ${size.value}`);
  if (rest.length) parts.push(rest.join(', '));
  if (colour) parts.push(parts.length ? (lang === 'es' ? `en ${colour.value}` : `in ${colour.value}`) : colour.value);
  return parts.join(' ');
}

/** "tallas" / "colores" / "sizes" — the name of an option key in running text. */
export function keyNoun(key: string, lang: Locale, plural = true): string {
  if (isSizeKey(key)) return lang === 'es' ? (plural ? 'tallas' : 'talla') : plural ? 'sizes' : 'size';
  if (isColourKey(key)) return lang === 'es' ? (plural ? 'colores' : 'color') : plural ? 'colors' : 'color';
  const k = key.toLowerCase();
  if (!plural) return k;
  return lang === 'es' ? (/[aeiou]$/.test(k) ? `${k}s` : `${k}es`) : `${k}s`;
}

export function deliveryLine(o: DeliveryOptionFacts, currency: string, lang: Locale): string {
  const es = lang === 'es';
  let cost: string;
  if (o.kind === 'pickup' || o.price === 0) cost = es ? 'sin costo' : 'free';
  else if (o.kind === 'free_over' && o.freeOver)
    cost = es
      ? `${money(o.price, currency, lang)}, gratis desde ${money(o.freeOver, currency, lang)}`
      : `${money(o.price, currency, lang)}, free from ${money(o.freeOver, currency, lang)}`;
  else cost = money(o.price, currency, lang);
  return `${o.label}: ${cost}${o.details ? ` (${o.details})` : ''}`;
}

export function orderStatusSentence(o: OrderFacts, lang: Locale): string {
  const es = lang === 'es';
  const n = `#${o.number}`;
  switch (o.status) {
    case 'pending_payment':
      return es ? `Tu pedido ${n} está pendiente de pago; apenas se confirme el pago lo preparamos.` : `Your order ${n} is awaiting payment; we'll prepare it as soon as the payment is confirmed.`;
    case 'paid':
      return es
        ? `Ya recibimos el pago de tu pedido ${n} (${money(o.total, o.currency, lang)}) y lo estamos preparando.`
        : `We received the payment for your order ${n} (${money(o.total, o.currency, lang)}) and we're preparing it.`;
    case 'fulfilled': {
      const carrier = o.carrier ? (es ? ` por ${o.carrier}` : ` with ${o.carrier}`) : '';
      const tracking = o.trackingNumber ? (es ? ` El número de seguimiento es ${o.trackingNumber}.` : ` The tracking number is ${o.trackingNumber}.`) : '';
      const url = o.trackingUrl ? (es ? ` Puedes seguirlo aquí: ${o.trackingUrl}` : ` You can track it here: ${o.trackingUrl}`) : '';
      return es ? `Tu pedido ${n} ya fue enviado${carrier}.${tracking}${url}` : `Your order ${n} has shipped${carrier}.${tracking}${url}`;
    }
    case 'delivered':
      return es ? `Tu pedido ${n} figura como entregado.` : `Your order ${n} shows as delivered.`;
    case 'cancelled':
      return es ? `Tu pedido ${n} fue cancelado.` : `Your order ${n} was cancelled.`;
    case 'expired':
      return es ? `Tu pedido ${n} venció sin que se confirmara el pago.` : `Your order ${n} expired before the payment was confirmed.`;
    case 'refunded':
      return es ? `Tu pedido ${n} fue reembolsado.` : `Your order ${n} was refunded.`;
  }
}

export function productPriceRange(p: ProductFacts): { min: number; max: number } {
  const prices = p.variants.length ? p.variants.map((v) => v.price ?? p.price) : [p.price];
  return { min: Math.min(...prices), max: Math.max(...prices) };
}
