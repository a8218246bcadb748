import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminShell } from '@/components/admin/admin-shell';
import { TrpcProvider } from '@/components/providers/trpc';
import { requireUser } from '@/server/auth/require-user';

export const metadata: Metadata = { title: { default: 'Administración', template: '%s · Administración VITA' }, robots: { index: false, follow: false } };

/** Only the Cognito group `admins`; anyone else sees a 404 (the console's existence is not advertised). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser('/admin');
  if (!user.groups.includes('admins')) notFound();
  return (
    <TrpcProvider>
      <AdminShell email={user.email}>{children}</AdminShell>
    </TrpcProvider>
  );
}
