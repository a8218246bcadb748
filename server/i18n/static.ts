import { setRequestLocale } from 'next-intl/server';
import type { Locale } from './config';

/**
 * Call at the top of every static/ISR layout and page (both language variants) before any translation: it tells
 * next-intl the locale so it never reads request headers (which would make the page dynamic).
 */
export function staticLocale(locale: Locale): Locale {
  setRequestLocale(locale);
  return locale;
}
