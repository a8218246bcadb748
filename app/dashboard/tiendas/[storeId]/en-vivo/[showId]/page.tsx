import { OwnDocumentHeaders } from '@/components/security/own-document-headers';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { Studio } from '@/components/live/studio';
import { requireUser } from '@/server/auth/require-user';
import { env } from '@/server/env';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Estudio en vivo' };

export default async function StudioPage({ params }: { params: Promise<{ storeId: string; showId: string }> }) {
  const { storeId, showId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/en-vivo/${showId}`);
  const store = await sellerStoreOr404(storeId);
  if (!/^[0-9a-f-]{36}$/i.test(showId)) notFound();
  const t = await getTranslations('live.studio');
  const show = await (await api()).liveSeller.get({ storeId: store.id, showId }).catch((err) => {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={show.show.title} back={{ href: `/dashboard/tiendas/${store.id}/en-vivo`, label: t('back') }} />
      <OwnDocumentHeaders page="broadcast" />
      <Studio storeId={store.id} initial={show} appUrl={env().APP_URL} />
    </div>
  );
}
