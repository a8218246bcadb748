/**
 * Locales and how a request's locale is chosen. Client-safe (no server imports): the language switch and the
 * middleware step use it too.
 *
 * Order: an explicit choice (the `NEXT_LOCALE` cookie, set by the language switch) → the browser's
 * Accept-Language → Spanish.
 */
export const locales = ['es', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'es';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** One year; the switch re-sets it on every change. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The best supported locale for an Accept-Language header ("en-US,en;q=0.9,es;q=0.8" → en), honouring q-values;
 * the default when nothing matches or the header is absent/garbled.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return defaultLocale;
}

/** Cookie first (an explicit choice), then the browser. */
export function resolveLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}

/** BCP 47 tag used for Intl formatting of dates and plain numbers (money has its own regional rules). */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-US' : 'es-419';
}
