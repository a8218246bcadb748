import type { ReactNode } from 'react';
import { TrpcProvider } from '@/components/providers/trpc';
import { SiteFooter } from '@/components/ui/site-footer';
import { SiteHeader } from '@/components/ui/site-header';

/** Frame of the buyer's per-request pages (cart, checkout, orders): public header, tRPC client, footer. */
export function BuyerShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <TrpcProvider>{children}</TrpcProvider>
      <SiteFooter />
    </>
  );
}
