import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { WalletView } from '@/components/dashboard/wallet-view';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('wallet') };
}

type Props = { params: Promise<{ storeId: string }> };

export default async function WalletPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/billetera`);
  const store = await sellerStoreOr404(storeId);
  const [wallet, t] = await Promise.all([(await api()).wallet.get({ storeId: store.id, page: 1, pageSize: 20 }), getTranslations('dashboard.pages')]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('wallet')} description={t('walletText', { store: store.name, currency: store.currency })} />
      <WalletView storeId={store.id} initialData={wallet} />
    </div>
  );
}
