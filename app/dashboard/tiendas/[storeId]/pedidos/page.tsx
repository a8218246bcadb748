import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { OrderList } from '@/components/dashboard/order-list';
import { orderListInput, orderListStateFromSearch } from '@/components/dashboard/order-list-params';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('orders') };
}

type Props = {
  params: Promise<{ storeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrdersPage({ params, searchParams }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/pedidos`);
  const store = await sellerStoreOr404(storeId);
  const state = orderListStateFromSearch(await searchParams);
  const [list, t] = await Promise.all([(await api()).sellerOrder.list(orderListInput(store.id, state)), getTranslations('dashboard.pages')]);
  return (
    <div className="space-y-5">
      <PageHeader title={t('orders')} description={t('ordersText', { store: store.name })} />
      <OrderList storeId={store.id} initialState={state} initialData={list} />
    </div>
  );
}
