/**
 * Translated texts for the buy-box islands (price, stock, variant picker, add to cart, share, cart link, language
 * switch), built from the ordinary messages by whoever renders them: server components with getTranslations /
 * useTranslations, the live viewer with useTranslations. The islands then need no NextIntlClientProvider, so the
 * cached public pages ship neither next-intl's client nor a copy of their messages (first-load JS budget, issue 7).
 *
 * Messages with arguments the island only knows in the browser come as templates with `{name}` slots, filled by
 * fillTemplate(); plurals come per CLDR category and are chosen with Intl.PluralRules. No next-intl import here:
 * this module runs on both sides.
 */
import type { Locale } from '@/server/i18n/config';

/** A next-intl translator for one namespace (server or client; both have this call signature). */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Stock shown as "only N left" from this many units down (the buy box and the live viewer's sheet). */
export const LOW_STOCK = 5;

export type PriceLabels = { locale: Locale; from: string; /** "Antes {price}" */ before: string };

export type OfferLabels = PriceLabels & {
  gone: string;
  pickOption: string;
  soldOut: string;
  soldOutOption: string;
  inStock: string;
  checking: string;
  soldOutSr: string;
  unavailable: string;
  pickOptionShort: string;
  whatsapp: string;
  /** "Hola {store}, me interesa «{title}»{variant}…" */
  whatsappMessage: string;
  /** fewLeft[n - 1] for n = 1…LOW_STOCK units. */
  fewLeft: string[];
  addToCart: AddToCartLabels;
};

export type AddToCartLabels = {
  add: string;
  adding: string;
  error: string;
  quantity: string;
  less: string;
  more: string;
  /** "✓ Agregado. Tienes {count} en tu carrito." */
  added: string;
  seeCart: string;
};

export type ShareLabels = { title: string; whatsapp: string; copy: string; copied: string; qr: string };

/** `withCount` holds "Carrito, {count} productos" per CLDR plural category (es and en have `one` and `other`). */
export type CartLinkLabels = { locale: Locale; cart: string; withCount: { one: string; other: string } };

/** Keeps a `{name}` slot in a message whose value the browser supplies (ICU inserts argument values verbatim). */
const slot = (name: string) => `{${name}}`;

export function priceLabels(locale: Locale, offer: Translate): PriceLabels {
  return { locale, from: offer('from'), before: offer('before', { price: slot('price') }) };
}

/** `offer` = the `catalog.offer` namespace, `cart` = `catalog.addToCart`. */
export function offerLabels(locale: Locale, offer: Translate, cart: Translate): OfferLabels {
  const plain = ['gone', 'pickOption', 'soldOut', 'soldOutOption', 'inStock', 'checking', 'soldOutSr', 'unavailable', 'pickOptionShort', 'whatsapp'] as const;
  const cartPlain = ['add', 'adding', 'error', 'quantity', 'less', 'more', 'seeCart'] as const;
  return {
    ...priceLabels(locale, offer),
    ...(Object.fromEntries(plain.map((k) => [k, offer(k)])) as Record<(typeof plain)[number], string>),
    whatsappMessage: offer('whatsappMessage', { store: slot('store'), title: slot('title'), variant: slot('variant') }),
    fewLeft: Array.from({ length: LOW_STOCK }, (_, i) => offer('fewLeft', { count: i + 1 })),
    addToCart: {
      ...(Object.fromEntries(cartPlain.map((k) => [k, cart(k)])) as Record<(typeof cartPlain)[number], string>),
      added: cart('added', { count: slot('count') }),
    },
  };
}

/** `share` = the `catalog.share` namespace. */
export function shareLabels(share: Translate): ShareLabels {
  return { title: share('title'), whatsapp: share('whatsapp'), copy: share('copy'), copied: share('copied'), qr: share('qr') };
}

/** `common` = the `common` namespace; `cartCount.<category>` holds the label per CLDR plural category. */
export function cartLinkLabels(locale: Locale, common: Translate): CartLinkLabels {
  const withCount = { one: common('cartCount.one', { count: slot('count') }), other: common('cartCount.other', { count: slot('count') }) };
  return { locale, cart: common('cart'), withCount };
}

/** Fills `{name}` slots in one pass (values are never re-scanned, so a title containing "{store}" stays as typed). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The cart link's accessible name for `count` units. */
export function cartLabel(labels: CartLinkLabels, count: number | null): string {
  if (!count) return labels.cart;
  const template = new Intl.PluralRules(labels.locale).select(count) === 'one' ? labels.withCount.one : labels.withCount.other;
  return fillTemplate(template, { count });
}
