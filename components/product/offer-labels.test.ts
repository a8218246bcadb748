import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/server/i18n/messages';
import type { Locale } from '@/server/i18n/config';
import { cartLabel, cartLinkLabels, fillTemplate, LOW_STOCK, offerLabels, priceLabels, shareLabels } from './offer-labels';

/** The real messages through next-intl's own formatter, as the server components call it. */
async function translators(locale: Locale) {
  const messages = await loadMessages(locale, ['catalog', 'common']);
  const t = (namespace: 'catalog.offer' | 'catalog.addToCart' | 'catalog.share' | 'common') =>
    createTranslator({ locale, messages, namespace }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return { offer: t('catalog.offer'), cart: t('catalog.addToCart'), share: t('catalog.share'), common: t('common') };
}

describe('island labels (public pages without an i18n client)', () => {
  it('keeps the browser-side arguments as slots and fills them like the ICU message would', async () => {
    for (const locale of ['es', 'en'] as const) {
      const t = await translators(locale);
      const labels = offerLabels(locale, t.offer, t.cart);
      const values = { store: 'Tejidos Quispe', title: 'Chompa', variant: ' (Talla M)' };
      expect(fillTemplate(labels.whatsappMessage, values)).toBe(t.offer('whatsappMessage', values));
      expect(fillTemplate(labels.before, { price: 'S/ 10.00' })).toBe(t.offer('before', { price: 'S/ 10.00' }));
      expect(fillTemplate(labels.addToCart.added, { count: 3 })).toBe(t.cart('added', { count: 3 }));
      expect(labels.fewLeft).toHaveLength(LOW_STOCK);
      for (let n = 1; n <= LOW_STOCK; n++) expect(labels.fewLeft[n - 1]).toBe(t.offer('fewLeft', { count: n }));
      expect(priceLabels(locale, t.offer).from).toBe(t.offer('from'));
      expect(shareLabels(t.share).copied).toBe(t.share('copied'));
    }
  });

  it('spells the Spanish and English stock line for one and several units', async () => {
    const es = offerLabels('es', (await translators('es')).offer, (await translators('es')).cart);
    expect(es.fewLeft[0]).toBe('¡Queda 1 unidad!');
    expect(es.fewLeft[2]).toBe('¡Quedan 3 unidades!');
    const en = await translators('en');
    expect(offerLabels('en', en.offer, en.cart).fewLeft[1]).toBe('Only 2 units left!');
  });

  it('names the cart link with the plural the locale asks for', async () => {
    const es = cartLinkLabels('es', (await translators('es')).common);
    expect(cartLabel(es, null)).toBe('Carrito');
    expect(cartLabel(es, 1)).toBe('Carrito, 1 producto');
    expect(cartLabel(es, 12)).toBe('Carrito, 12 productos');
    const en = cartLinkLabels('en', (await translators('en')).common);
    expect(cartLabel(en, 1)).toBe('Cart, 1 item');
    expect(cartLabel(en, 0)).toBe('Cart');
    expect(cartLabel(en, 2)).toBe('Cart, 2 items');
  });

  it('fills slots in one pass: a value that looks like a slot stays as typed', () => {
    expect(fillTemplate('Hola {store}, «{title}»', { store: 'Mi {title}', title: 'Gorro' })).toBe('Hola Mi {title}, «Gorro»');
    expect(fillTemplate('{unknown} y {count}', { count: 2 })).toBe('{unknown} y 2');
  });
});
