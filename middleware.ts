/**
 * Root middleware. Owned by H-SEC (security headers, CSRF, rate limits compose here); created minimal by H-PWA
 * with the locale step from server/i18n/middleware.ts.
 */
import type { NextRequest } from 'next/server';
import { i18nMiddleware } from '@/server/i18n/middleware';

export function middleware(req: NextRequest) {
  return i18nMiddleware(req);
}

export const config = {
  // Pages only: no API, no Next assets, no media, no files with an extension (sw.js, manifest, icons).
  matcher: ['/((?!api|_next|media|dev|.*\\..*).*)'],
};
