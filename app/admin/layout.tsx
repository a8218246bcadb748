import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminShell } from '@/components/admin/admin-shell';
import { IntlProvider } from '@/components/providers/intl';
import { TrpcProvider } from '@/components/providers/trpc';
import { requireAdmin } from '@/server/auth/require-admin';

export async function generateMetadata(): Promise<Metadata> {
  const title = (await getTranslations('admin.shell'))('title');
  return { title: { default: title, template: `%s · ${title} VITA` }, robots: { index: false, follow: false } };
}

/** Only the Cognito group `admins`; anyone else sees a 404 (the console's existence is not advertised). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin('/admin');
  return (
    <IntlProvider>
      <TrpcProvider>
        <AdminShell email={user.email}>{children}</AdminShell>
      </TrpcProvider>
    </IntlProvider>
  );
}
