import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { ProductTable } from '@/components/dashboard/product-table';
import { listInput, tableStateFromSearch } from '@/components/dashboard/product-table-params';
import { StoreCounts } from '@/components/dashboard/store-counts';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('products') };
}

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
  const [list, counts, t] = await Promise.all([
    caller.product.list(listInput(store.id, state)),
    caller.store.counts({ storeId: store.id }),
    getTranslations('dashboard.pages'),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={t('products')}
        description={
          <>
            {store.name} ·{' '}
            <Link href={`/s/${store.slug}`} target="_blank" rel="noopener" className="font-medium text-violet-700 underline">
              {t('viewPublicStore')}
            </Link>
          </>
        }
      />
      <StoreCounts storeId={store.id} initialData={counts} />
      <ProductTable storeId={store.id} initialState={state} initialData={list} showHeading={false} />
    </div>
  );
}
