import { Suspense, type ReactNode } from 'react';
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
 * The Suspense boundaries suspend nothing (the HTML is complete): they make React hydrate the header and the footer
 * as separate, interruptible units after the page's shell instead of inside one long task (Lighthouse TBT on a
 * mid-range phone); ProductGrid does the same for its dozens of islands. The page itself is not wrapped, so a
 * notFound() in it still fails the shell and answers 404.
 */
export function PublicShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <>
      <DocumentLang locale={locale} />
      <div lang={locale} className="contents">
        <Suspense>
          <SiteHeader />
        </Suspense>
        {children}
        <Suspense>
          <SiteFooter />
        </Suspense>
      </div>
    </>
  );
}
