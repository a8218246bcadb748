import type { Metadata } from 'next';
import Link from 'next/link';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { ProductTable } from '@/components/dashboard/product-table';
import { listInput, tableStateFromSearch } from '@/components/dashboard/product-table-params';
import { StoreCounts } from '@/components/dashboard/store-counts';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Productos' };

type Props = {
  params: Promise<{ storeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProductsPage({ params, searchParams }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/productos`);
  const store = await sellerStoreOr404(storeId);
  const state = tableStateFromSearch(await searchParams);
  const caller = await api();
  const [list, counts] = await Promise.all([
    caller.product.list(listInput(store.id, state)),
    caller.store.counts({ storeId: store.id }),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Productos"
        description={
          <>
            {store.name} ·{' '}
            <Link href={`/s/${store.slug}`} target="_blank" rel="noopener" className="font-medium text-violet-700 underline">
              ver tienda pública
            </Link>
          </>
        }
      />
      <StoreCounts storeId={store.id} initialData={counts} />
      <ProductTable storeId={store.id} initialState={state} initialData={list} showHeading={false} />
    </div>
  );
}
