import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { ShowsManager } from '@/components/live/shows-manager';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'En vivo' };

export default async function LiveShowsPage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/en-vivo`);
  const store = await sellerStoreOr404(storeId);
  const t = await getTranslations('live.studio');
  const products = await (await api()).product.list({ storeId: store.id, status: 'active', pageSize: 100 }).catch(() => null);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('title')} description={t('intro')} back={{ href: `/dashboard?tienda=${store.id}`, label: 'Panel' }} />
      <ShowsManager storeId={store.id} products={(products?.items ?? []).map((p: { id: string; title: string }) => ({ id: p.id, title: p.title }))} />
    </div>
  );
}
