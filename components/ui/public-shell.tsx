import type { ReactNode } from 'react';
import { IntlProvider, type MessageScope } from '@/components/providers/intl';
import type { Locale } from '@/server/i18n/config';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Namespaces the client components of public pages use (kept small: they ship in every cached page). */
export const PUBLIC_CLIENT_NAMESPACES: readonly MessageScope[] = ['common', 'catalog.offer', 'catalog.addToCart', 'catalog.share'];

/** Header + footer of the static public pages in one language (call staticLocale(locale) in the layout first). */
export function PublicShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} namespaces={PUBLIC_CLIENT_NAMESPACES}>
      <SiteHeader />
      {children}
      <SiteFooter />
    </IntlProvider>
  );
}
