import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { OrderDetail, OrderTitle } from '@/components/dashboard/order-detail';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('order') };
}

type Props = { params: Promise<{ storeId: string; orderId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function OrderPage({ params }: Props) {
  const { storeId, orderId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/pedidos/${orderId}`);
  const store = await sellerStoreOr404(storeId);
  if (!UUID.test(orderId)) notFound();
  const order = await (await api()).sellerOrder.get({ storeId: store.id, orderId }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) notFound();
    throw err;
  });
  const [t, format] = await Promise.all([getTranslations('dashboard.pages'), getFormatter()]);
  const received = format.dateTime(order.createdAt, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <div>
      <PageHeader
        title={<OrderTitle number={order.number} status={order.status} deliveryKind={order.delivery.kind} />}
        description={t('receivedOn', { date: received })}
        back={{ href: `/dashboard/tiendas/${store.id}/pedidos`, label: t('orders') }}
      />
      <OrderDetail storeId={store.id} order={order} />
    </div>
  );
}
