import type { ReactNode } from 'react';
import { IntlProvider } from '@/components/providers/intl';
import { TrpcProvider } from '@/components/providers/trpc';
import { SiteFooter } from '@/components/ui/site-footer';
import { SiteHeader } from '@/components/ui/site-header';

/** Frame of the buyer's per-request pages (cart, checkout, orders): public header, tRPC client, footer, messages in the
 * visitor's language (cookie / Accept-Language). */
export function BuyerShell({ children }: { children: ReactNode }) {
  return (
    <IntlProvider>
      <SiteHeader />
      <TrpcProvider>{children}</TrpcProvider>
      <SiteFooter />
    </IntlProvider>
  );
}
