import type { ReactNode } from 'react';
import type { MessageScope } from '@/components/providers/intl';
import { DocumentLang } from '@/components/providers/document-lang';
import type { Locale } from '@/server/i18n/config';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Namespaces the client components of the per-request public pages (search) use. */
export const PUBLIC_CLIENT_NAMESPACES: readonly MessageScope[] = ['common', 'catalog.offer', 'catalog.addToCart', 'catalog.share'];

/**
 * Header + footer of the static public pages in one language (call staticLocale(locale) in the layout first).
 *
 * No NextIntlClientProvider: the client islands of these pages (live price, buy box, share, cart link, language and
 * theme switches) get their texts as props from the server components that render them
 * (components/product/offer-labels.ts), so the cached pages ship neither next-intl's client nor their messages.
 *
 * No Suspense boundaries on these pages: what sits inside one (an async server component, a client component whose
 * module the server has not loaded yet) is streamed after the shell and swapped in by a script — a layout shift, and
 * missing without JavaScript — and a cached page keeps that HTML (checked in e2e/marketplace/browse.spec.ts).
 */
export function PublicShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <>
      <DocumentLang locale={locale} />
      <div lang={locale} className="contents">
        <SiteHeader />
        {children}
        <SiteFooter />
      </div>
    </>
  );
}
