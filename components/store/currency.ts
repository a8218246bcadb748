import { STORE_CURRENCIES } from '@/server/services/stores/schemas';

export type TStoreCurrency = (typeof STORE_CURRENCIES)[number];

const BY_REGION: Record<string, TStoreCurrency> = {
  PE: 'PEN',
  MX: 'MXN',
  CO: 'COP',
  AR: 'ARS',
  CL: 'CLP',
  BR: 'BRL',
  GT: 'GTQ',
  DO: 'DOP',
  UY: 'UYU',
  BO: 'BOB',
  PY: 'PYG',
  CR: 'CRC',
  ES: 'EUR',
  US: 'USD',
  EC: 'USD',
  SV: 'USD',
  PA: 'USD',
};

/** A sensible default currency from the browser's Accept-Language ("es-PE,es;q=0.9" → PEN); USD otherwise. */
export function currencyForAcceptLanguage(header: string | null | undefined): TStoreCurrency {
  for (const part of (header ?? '').split(',')) {
    const region = /^[a-z]{2,3}-([A-Z]{2})/i.exec(part.trim())?.[1]?.toUpperCase();
    if (region && BY_REGION[region]) return BY_REGION[region];
  }
  return 'USD';
}

const names = new Map<string, Intl.DisplayNames>();

/** "PEN — Sol peruano" / "PEN — Peruvian Sol" */
export function currencyLabel(code: string, locale = 'es'): string {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames(locale, { type: 'currency' });
    names.set(locale, display);
  }
  const name = display.of(code) ?? code;
  return `${code} — ${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The store currencies with their names in `locale`. */
export function currencyOptions(locale: string) {
  return STORE_CURRENCIES.map((code) => ({ code, label: currencyLabel(code, locale) }));
}
