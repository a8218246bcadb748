/**
 * Root middleware (H-SEC): per-request id, security headers with a nonce-based CSP on per-request pages
 * (server/http/security-headers.ts), and the locale step H-PWA exports from server/i18n/middleware.ts.
 * API routes are not matched: they get their headers from next.config.mjs and do their own CSRF/rate-limit checks.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { baseSecurityHeaders, contentSecurityPolicy, isHttps, newNonce, pageKind } from '@/server/http/security-headers';
import { localeRedirect, withLocaleHeader } from '@/server/i18n/middleware';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function middleware(req: NextRequest) {
  const pathname = req.nextUrl.pathname;
  const https = isHttps(req);
  const incomingId = req.headers.get('x-request-id');
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
  const kind = pageKind(pathname);
  const nonce = kind === 'dynamic' ? newNonce() : undefined;
  const csp = contentSecurityPolicy({ kind, nonce, pathname, https, dev: process.env.NODE_ENV === 'development' });

  const redirect = localeRedirect(req);
  let res: NextResponse;
  if (redirect) {
    res = redirect;
  } else {
    const headers = withLocaleHeader(req, new Headers(req.headers));
    headers.set('x-request-id', requestId);
    // Next renders its scripts with the nonce it finds in the request's CSP header.
    if (nonce) {
      headers.set('content-security-policy', csp);
      headers.set('x-nonce', nonce);
    }
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set('Content-Security-Policy', csp);
  for (const [k, v] of Object.entries(baseSecurityHeaders({ https, pathname }))) res.headers.set(k, v);
  res.headers.set('x-request-id', requestId);
  return res;
}

export const config = {
  // Pages only: no API, no Next assets, no media, no files with an extension (sw.js, manifest, icons).
  matcher: ['/((?!api|_next|media|dev/correo/api|.*\\..*).*)'],
};
