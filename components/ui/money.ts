/**
 * Money is stored as integer minor units + ISO currency. The number of minor-unit digits is what Intl says for the
 * currency (COP, CLP, PYG → 0; PEN, MXN, USD → 2), so 45000 COP is "45.000" and 8990 PEN is "S/ 89.90".
 */

/** The conventional regional locale for each currency, so "S/ 89.90" reads the way a Peruvian buyer expects. */
const REGION: Record<string, string> = {
  PEN: 'es-PE',
  COP: 'es-CO',
  MXN: 'es-MX',
  ARS: 'es-AR',
  CLP: 'es-CL',
  USD: 'es-US',
  UYU: 'es-UY',
  BOB: 'es-BO',
  PYG: 'es-PY',
  CRC: 'es-CR',
  GTQ: 'es-GT',
  DOP: 'es-DO',
  BRL: 'pt-BR',
  EUR: 'es-ES',
};

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency as Intl knows them (locale-independent). */
export function minorUnitDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitDigits(currency);
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * "S/ 89.90", "$45.000 COP", "US$120". Whole amounts drop their ",00". Currencies whose local symbol is a bare "$"
 * get their ISO code appended, because the marketplace lists MXN, COP, ARS and USD side by side.
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'es'): string {
  const digits = minorUnitDigits(currency);
  const major = amountMinor / 10 ** digits;
  const whole = Number.isInteger(major);
  const loc = locale === 'es' ? (REGION[currency] ?? 'es') : locale;
  const parts = formatter(loc, currency, whole ? 0 : digits).formatToParts(major);
  const symbol = parts.find((p) => p.type === 'currency')?.value;
  if (symbol !== '$') return parts.map((p) => p.value).join('');
  if (currency === 'USD') return parts.map((p) => (p.type === 'currency' ? 'US$' : p.value)).join('');
  return `${parts.map((p) => p.value).join('')} ${currency}`;
}

/**
 * Amounts already formatted by the server, keyed by moneyKey(). A client island that shows a price the server knows
 * reads it here instead of calling Intl while it hydrates: the first currency NumberFormat a page creates loads the
 * locale's ICU data (34–61 ms measured in Chromium on the bench machine, docs/benchmarks.md), main-thread time a
 * phone pays on every cached store and product page. Intl runs only for an amount that changed (a live price).
 */
export type MoneyTexts = Readonly<Record<string, string>>;

export function moneyKey(amountMinor: number, currency: string): string {
  return `${amountMinor} ${currency}`;
}

/** moneyTexts([8990, 12000], 'PEN', 'es') → { '8990 PEN': 'S/ 89.90', '12000 PEN': 'S/ 120' }; nulls skipped. */
export function moneyTexts(amounts: readonly (number | null | undefined)[], currency: string, locale: string): MoneyTexts {
  const out: Record<string, string> = {};
  for (const a of amounts) if (typeof a === 'number') out[moneyKey(a, currency)] = formatMoney(a, currency, locale);
  return out;
}

/** Percentage saved against a compare-at price, rounded down ("-20%"); null when there is no real saving. */
export function discountPercent(price: number, compareAt: number | null | undefined): number | null {
  if (!compareAt || compareAt <= price) return null;
  const pct = Math.floor(((compareAt - price) / compareAt) * 100);
  return pct >= 1 ? pct : null;
}
