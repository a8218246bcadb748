import { LOCALE_COOKIE, resolveLocale, type Locale } from '../i18n/config';

/**
 * The caller's language for error texts, from request headers: the NEXT_LOCALE cookie (the language switch), else
 * Accept-Language, else Spanish — the same order as pages (server/i18n/config.ts).
 */
export function localeOf(headers: Headers): Locale {
  return resolveLocale(cookieValue(headers.get('cookie') ?? '', LOCALE_COOKIE), headers.get('accept-language'));
}

function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
