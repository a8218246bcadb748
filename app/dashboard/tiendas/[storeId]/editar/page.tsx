import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { mediaUrl } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import type { TStoreCurrency } from '@/components/store/currency';
import { StoreForm } from '@/components/store/store-form';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('editStore') };
}

type Props = { params: Promise<{ storeId: string }> };

export default async function EditStorePage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/editar`);
  // store.mine carries the logo's storage key; membership decides what is listed.
  const store = (await (await api()).store.mine()).find((s) => s.id === storeId);
  if (!store) notFound();
  const logoUrl = mediaUrl(store.logoKey);
  const t = await getTranslations('dashboard.pages');
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t('editStore')}
        description={t('editStoreText', { slug: store.slug })}
        back={{ href: `/dashboard?tienda=${store.id}`, label: t('panel') }}
      />
      <StoreForm
        mode="edit"
        storeId={store.id}
        logo={store.logoMediaId && logoUrl ? { mediaId: store.logoMediaId, url: logoUrl } : null}
        defaults={{
          name: store.name,
          slug: store.slug,
          description: store.description,
          logoMediaId: store.logoMediaId,
          brandColor: store.brandColor,
          whatsapp: store.whatsapp ?? '',
          currency: store.currency as TStoreCurrency,
        }}
      />
    </div>
  );
}
