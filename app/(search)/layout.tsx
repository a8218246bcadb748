import type { ReactNode } from 'react';
import { IntlProvider } from '@/components/providers/intl';
import { PUBLIC_CLIENT_NAMESPACES } from '@/components/ui/public-shell';
import { SiteFooter } from '@/components/ui/site-footer';
import { SiteHeader } from '@/components/ui/site-header';

/** Search is rendered per request (its query string), so its language comes from the cookie / Accept-Language. */
export default function SearchLayout({ children }: { children: ReactNode }) {
  return (
    <IntlProvider namespaces={PUBLIC_CLIENT_NAMESPACES}>
      <SiteHeader />
      {children}
      <SiteFooter />
    </IntlProvider>
  );
}


