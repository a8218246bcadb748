import type { Metadata } from 'next';
import { CouponsManager } from '@/components/dashboard/coupons-manager';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Cupones' };

type Props = { params: Promise<{ storeId: string }> };

export default async function CouponsPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/cupones`);
  const store = await sellerStoreOr404(storeId);
  const coupons = await (await api()).commerceSettings.coupons({ storeId: store.id });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Cupones"
        description="Códigos de descuento para tus clientes. El descuento se aplica al subtotal, sin contar el envío."
        back={{ href: `/dashboard?tienda=${store.id}`, label: 'Panel' }}
      />
      <CouponsManager storeId={store.id} currency={store.currency} initialData={coupons} />
    </div>
  );
}
