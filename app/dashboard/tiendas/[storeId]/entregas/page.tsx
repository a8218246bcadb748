import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeliveryOptionsManager } from '@/components/dashboard/delivery-options-manager';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('delivery') };
}

type Props = { params: Promise<{ storeId: string }> };

export default async function DeliveryOptionsPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/entregas`);
  const store = await sellerStoreOr404(storeId);
  const t = await getTranslations('dashboard.pages');
  const options = await (await api()).commerceSettings.deliveryOptions({ storeId: store.id });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('delivery')}
        description={t('deliveryText')}
        back={{ href: `/dashboard?tienda=${store.id}`, label: t('panel') }}
      />
      <DeliveryOptionsManager storeId={store.id} currency={store.currency} initialData={options} />
    </div>
  );
}
