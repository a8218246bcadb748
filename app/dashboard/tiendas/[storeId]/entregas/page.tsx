import type { Metadata } from 'next';
import { DeliveryOptionsManager } from '@/components/dashboard/delivery-options-manager';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Entregas' };

type Props = { params: Promise<{ storeId: string }> };

export default async function DeliveryOptionsPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/entregas`);
  const store = await sellerStoreOr404(storeId);
  const options = await (await api()).commerceSettings.deliveryOptions({ storeId: store.id });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Entregas"
        description="Cómo reciben tus clientes sus pedidos. Aparecen en el checkout en este orden; la primera es la sugerida."
        back={{ href: `/dashboard?tienda=${store.id}`, label: 'Panel' }}
      />
      <DeliveryOptionsManager storeId={store.id} currency={store.currency} initialData={options} />
    </div>
  );
}
