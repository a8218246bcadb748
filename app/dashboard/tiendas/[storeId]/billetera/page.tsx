import type { Metadata } from 'next';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { WalletView } from '@/components/dashboard/wallet-view';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Billetera' };

type Props = { params: Promise<{ storeId: string }> };

export default async function WalletPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/billetera`);
  const store = await sellerStoreOr404(storeId);
  const wallet = await (await api()).wallet.get({ storeId: store.id, page: 1, pageSize: 20 });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Billetera" description={`${store.name} · montos en ${store.currency}, ya descontada la comisión de VITA.`} />
      <WalletView storeId={store.id} initialData={wallet} />
    </div>
  );
}
