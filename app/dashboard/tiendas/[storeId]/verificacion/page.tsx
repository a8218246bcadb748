import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { VerificationPanel } from '@/components/trust/verification-panel';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Verificación' };

type Props = { params: Promise<{ storeId: string }>; searchParams: Promise<{ verificationSessionId?: string }> };

export default async function VerificationPage({ params, searchParams }: Props) {
  const { storeId } = await params;
  const { verificationSessionId } = await searchParams;
  await requireUser(`/dashboard/tiendas/${storeId}/verificacion`);
  const store = await sellerStoreOr404(storeId);
  const [t, status] = await Promise.all([getTranslations('trust'), (await api()).kyc.status({ storeId: store.id })]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('verify.title')} description={t('verify.description', { store: store.name })} />
      <VerificationPanel storeId={store.id} initialData={status} returned={Boolean(verificationSessionId)} />
    </div>
  );
}
