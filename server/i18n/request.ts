/**
 * next-intl request configuration (wired in next.config.mjs).
 *
 * Static pages call `setRequestLocale(locale)` (see `server/i18n/static.ts`), so next-intl never reads a header and
 * the page stays static/ISR. Everything else is dynamic already: the locale comes from the middleware step
 * (`X-NEXT-INTL-LOCALE`), or — if no middleware ran — straight from the cookie / Accept-Language.
 */
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from './config';
import { loadMessages } from './messages';

async function fromRequest(): Promise<Locale> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return resolveLocale(c.get(LOCALE_COOKIE)?.value, h.get('accept-language'));
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale: Locale = isLocale(requested) ? requested : await fromRequest();
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: 'America/Lima',
    // A missing key shows the key path instead of throwing (a test catches untranslated keys).
    onError(error) {
      if (process.env.NODE_ENV !== 'production') console.warn(`[i18n] ${error.message}`);
    },
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});
