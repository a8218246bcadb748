/**
 * The locale step for the root `middleware.ts` (composed there; Edge-safe, no Node APIs).
 *
 * - `localeRedirect(req)`: a person whose chosen (cookie) or browser language is English and who opens a Spanish
 *   public URL that has an English variant (`/s/x`) is sent to it (`/en/s/x`). Crawlers send no cookie and
 *   usually no Accept-Language, so they index the Spanish URL and find the English one through hreflang.
 * - `withLocaleHeader(req, headers)`: forwards the resolved locale to next-intl (`X-NEXT-INTL-LOCALE`) for the
 *   dynamic pages, so they don't need to parse cookies again.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale, LOCALE_COOKIE, resolveLocale, type Locale } from './config';
import { localizedPath, splitLocalePath } from './paths';

export const LOCALE_HEADER = 'X-NEXT-INTL-LOCALE';

export function detectLocale(req: NextRequest): Locale {
  const { locale } = splitLocalePath(req.nextUrl.pathname);
  if (locale === 'en') return 'en';
  return resolveLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
}

export function localeRedirect(req: NextRequest): NextResponse | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const { pathname } = req.nextUrl;
  const split = splitLocalePath(pathname);
  if (split.locale !== 'es') return null; // not a bilingual page, or already the English URL
  const preferred = detectLocale(req);
  if (preferred === defaultLocale) return null;
  const url = req.nextUrl.clone();
  url.pathname = localizedPath(preferred, pathname);
  const res = NextResponse.redirect(url, 307);
  res.headers.set('Vary', 'Cookie, Accept-Language');
  return res;
}

export function withLocaleHeader(req: NextRequest, requestHeaders: Headers): Headers {
  requestHeaders.set(LOCALE_HEADER, detectLocale(req));
  return requestHeaders;
}

/** The whole step, for a middleware that does nothing else: redirect or pass on with the locale header. */
export function i18nMiddleware(req: NextRequest): NextResponse {
  return localeRedirect(req) ?? NextResponse.next({ request: { headers: withLocaleHeader(req, new Headers(req.headers)) } });
}
