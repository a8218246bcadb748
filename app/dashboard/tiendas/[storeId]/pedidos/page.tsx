import type { Metadata } from 'next';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { OrderList } from '@/components/dashboard/order-list';
import { orderListInput, orderListStateFromSearch } from '@/components/dashboard/order-list-params';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Pedidos' };

type Props = {
  params: Promise<{ storeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrdersPage({ params, searchParams }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/pedidos`);
  const store = await sellerStoreOr404(storeId);
  const state = orderListStateFromSearch(await searchParams);
  const list = await (await api()).sellerOrder.list(orderListInput(store.id, state));
  return (
    <div className="space-y-5">
      <PageHeader title="Pedidos" description={`${store.name} · los pagados esperan que los envíes.`} />
      <OrderList storeId={store.id} initialState={state} initialData={list} />
    </div>
  );
}
