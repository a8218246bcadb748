/**
 * Locale-specific URLs of the public cached pages. Client-safe.
 *
 * Spanish lives at the plain URLs (`/`, `/s/<store>`, `/s/<store>/p/<product>`, `/c/<category>`); English at the
 * same path under `/en` (`/en/s/<store>` …). Both are real, separately cached static/ISR routes (app/en/**), so a
 * crawler or a WhatsApp preview sees each language as its own page (hreflang alternates), and a cached page never
 * has to read a cookie. Every other page (dashboard, cart, checkout, orders, sign-in, search) is rendered per
 * request anyway and takes the locale from the cookie / Accept-Language, without a URL prefix.
 */
import { defaultLocale, type Locale } from './config';

export const EN_PREFIX = '/en';

/** Public paths that exist in both languages (es at the plain path, en under /en). */
const BILINGUAL = [/^\/$/, /^\/s\/[^/]+$/, /^\/s\/[^/]+\/p\/[^/]+$/, /^\/c\/[^/]+$/];

export function hasLocaleVariant(path: string): boolean {
  const clean = path.split(/[?#]/)[0] || '/';
  return BILINGUAL.some((re) => re.test(clean));
}

/** `/s/x` → `/en/s/x` for en; unchanged for es or for pages without a variant. Keeps query and hash. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === defaultLocale || !hasLocaleVariant(path)) return path;
  return path === '/' ? EN_PREFIX : `${EN_PREFIX}${path}`;
}

/** `/en/s/x` → { locale: 'en', path: '/s/x' }; `/s/x` → { locale: 'es', path: '/s/x' }. */
export function splitLocalePath(pathname: string): { locale: Locale | null; path: string } {
  if (pathname === EN_PREFIX) return { locale: 'en', path: '/' };
  if (pathname.startsWith(`${EN_PREFIX}/`)) return { locale: 'en', path: pathname.slice(EN_PREFIX.length) };
  return { locale: hasLocaleVariant(pathname) ? 'es' : null, path: pathname };
}

/** Both language URLs of a bilingual public path (for canonical + hreflang). */
export function alternates(path: string): Record<Locale, string> {
  return { es: path, en: localizedPath('en', path) };
}
