import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMoney, moneyKey, moneyTexts } from './money';
import { Price } from './price';

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');
const labels = { locale: 'es' as const, from: 'Desde', before: 'Antes {price}' };

describe('moneyTexts', () => {
  it('keys each amount by minor units and currency, formatted as formatMoney does, skipping nulls', () => {
    const texts = moneyTexts([8990, null, 12000, undefined], 'PEN', 'es');
    expect(texts).toEqual({ [moneyKey(8990, 'PEN')]: formatMoney(8990, 'PEN', 'es'), [moneyKey(12000, 'PEN')]: formatMoney(12000, 'PEN', 'es') });
    expect(Object.keys(moneyTexts([4500000], 'COP', 'en'))).toEqual(['4500000 COP']);
  });
});

describe('Price with server-formatted texts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the texts the server formatted instead of formatting again (no Intl while hydrating)', () => {
    // Distinct texts prove which path ran: formatMoney's own output would read "S/ 89.90".
    const texts = { [moneyKey(8990, 'PEN')]: 'server:89.90', [moneyKey(12000, 'PEN')]: 'server:120' };
    const spy = vi.spyOn(Intl, 'NumberFormat');
    const html = renderToStaticMarkup(createElement(Price, { amount: 8990, currency: 'PEN', compareAt: 12000, labels, texts }));
    expect(spy).not.toHaveBeenCalled();
    expect(html).toContain('>server:89.90<');
    expect(html).toContain('aria-label="Antes server:120"');
    expect(html).toContain('-25%');
  });

  it('formats an amount the server did not know (a live price that changed), in the same words', () => {
    const texts = moneyTexts([8990], 'PEN', 'es');
    const withTexts = renderToStaticMarkup(createElement(Price, { amount: 7990, currency: 'PEN', compareAt: 8990, labels, texts }));
    const without = renderToStaticMarkup(createElement(Price, { amount: 7990, currency: 'PEN', compareAt: 8990, labels }));
    expect(withTexts).toBe(without);
    expect(nbsp(withTexts)).toContain('S/ 79.90');
  });
});
