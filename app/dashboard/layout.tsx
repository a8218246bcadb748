import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DashboardShell } from '@/components/dashboard/dashboard-shell';
import { mediaUrl, mediaUrlPrefix } from '@/components/dashboard/load';
import { MediaUrlProvider } from '@/components/dashboard/media-url';
import { IntlProvider } from '@/components/providers/intl';
import { TrpcProvider } from '@/components/providers/trpc';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('panel'), robots: { index: false, follow: false } };
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser('/dashboard');
  const stores = await (await api()).store.mine();
  const shellStores = stores.map((s) => ({
    id: s.id,
    name: s.name,
    slug: s.slug,
    brandColor: s.brandColor,
    logoUrl: mediaUrl(s.logoKey),
    role: s.role,
  }));
  return (
    <IntlProvider>
      <TrpcProvider>
        <MediaUrlProvider prefix={mediaUrlPrefix()}>
          <DashboardShell stores={shellStores} email={user.email}>
            {children}
          </DashboardShell>
        </MediaUrlProvider>
      </TrpcProvider>
    </IntlProvider>
  );
}
