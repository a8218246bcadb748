import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { firstParam, mediaUrl, pickStore } from '@/components/dashboard/load';
import { Onboarding } from '@/components/dashboard/onboarding';
import { PlanUsageCard } from '@/components/dashboard/plan-usage-card';
import { SellerAppCard } from '@/components/pwa/seller-app-card';
import { ProductTable } from '@/components/dashboard/product-table';
import { listInput, tableStateFromSearch } from '@/components/dashboard/product-table-params';
import { StoreCounts } from '@/components/dashboard/store-counts';
import { StoreHeader } from '@/components/dashboard/store-header';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const sp = await searchParams;
  const tienda = firstParam(sp.tienda);
  const user = await requireUser(tienda ? `/dashboard?tienda=${encodeURIComponent(tienda)}` : '/dashboard');
  const caller = await api();
  const stores = await caller.store.mine();
  const store = pickStore(stores, tienda);
  if (!store) return <Onboarding name={user.name} />;

  const tableState = tableStateFromSearch(sp);
  const tSecurity = await getTranslations('security');
  const [counts, usage, list] = await Promise.all([
    caller.store.counts({ storeId: store.id }),
    caller.plan.usage(),
    caller.product.list(listInput(store.id, tableState)),
  ]);

  return (
    <div className="space-y-6">
      <StoreHeader store={store} logoUrl={mediaUrl(store.logoKey)} />
      <StoreCounts storeId={store.id} initialData={counts} />
      <PlanUsageCard initialData={usage} />
      <SellerAppCard />
      <Link href="/dashboard/seguridad" className="flex min-h-11 items-center justify-between gap-3 rounded-2xl border border-zinc-200 bg-white px-4 py-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 lg:hidden">
        {tSecurity('homeLink')}
        <span aria-hidden="true">→</span>
      </Link>
      <ProductTable key={store.id} storeId={store.id} initialState={tableState} initialData={list} showNewButton={false} />
    </div>
  );
}
