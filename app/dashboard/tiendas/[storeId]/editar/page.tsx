import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { mediaUrl } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import type { TStoreCurrency } from '@/components/store/currency';
import { StoreForm } from '@/components/store/store-form';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Editar tienda' };

type Props = { params: Promise<{ storeId: string }> };

export default async function EditStorePage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/editar`);
  // store.mine carries the logo's storage key; membership decides what is listed.
  const store = (await (await api()).store.mine()).find((s) => s.id === storeId);
  if (!store) notFound();
  const logoUrl = mediaUrl(store.logoKey);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Editar tienda"
        description={`Los cambios se ven en vita/s/${store.slug} en unos minutos.`}
        back={{ href: `/dashboard?tienda=${store.id}`, label: 'Panel' }}
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
