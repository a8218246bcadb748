import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CouponsManager } from '@/components/dashboard/coupons-manager';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('coupons') };
}

type Props = { params: Promise<{ storeId: string }> };

export default async function CouponsPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/cupones`);
  const store = await sellerStoreOr404(storeId);
  const t = await getTranslations('dashboard.pages');
  const coupons = await (await api()).commerceSettings.coupons({ storeId: store.id });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('coupons')}
        description={t('couponsText')}
        back={{ href: `/dashboard?tienda=${store.id}`, label: t('panel') }}
      />
      <CouponsManager storeId={store.id} currency={store.currency} initialData={coupons} />
    </div>
  );
}
