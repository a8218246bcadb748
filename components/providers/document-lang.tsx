'use client';

import { usePathname } from 'next/navigation';
import { useLayoutEffect, type ReactNode } from 'react';
import { EN_PREFIX } from '@/server/i18n/paths';
import type { Locale } from '@/server/i18n/config';

/** The language a URL is known to be in without reading the request: `/en/**` is English, the rest Spanish. */
function pathLocale(pathname: string | null): Locale {
  return pathname === EN_PREFIX || pathname?.startsWith(`${EN_PREFIX}/`) ? 'en' : 'es';
}

/**
 * The document element for the root layout. Its `lang` comes from the path, which a static/ISR page knows at build
 * time, so the English twins (`/en/**`) are served as real `<html lang="en">` and stay cached; reading the cookie
 * here would make every page dynamic. Per-request pages (cart, dashboard…) whose chosen locale differs from their
 * path correct it with <DocumentLang> (hence suppressHydrationWarning on this one attribute's element).
 */
export function DocumentHtml({ children }: { children: ReactNode }) {
  const lang = pathLocale(usePathname());
  return (
    <html lang={lang} suppressHydrationWarning>
      {children}
    </html>
  );
}

/**
 * Keeps `<html lang>` equal to the locale the section renders in, also across client-side navigations (the root
 * layout is not re-rendered on the server then). Rendered by every IntlProvider.
 */
export function DocumentLang({ locale }: { locale: Locale }) {
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
}
