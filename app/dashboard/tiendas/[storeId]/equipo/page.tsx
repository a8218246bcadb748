import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { IntlProvider } from '@/components/providers/intl';
import { TeamManager } from '@/components/team/team-manager';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Equipo' };

type Props = { params: Promise<{ storeId: string }> };

export default async function TeamPage({ params }: Props) {
  const { storeId } = await params;
  const user = await requireUser(`/dashboard/tiendas/${storeId}/equipo`);
  const store = await sellerStoreOr404(storeId);
  const t = await getTranslations('team');
  let team;
  try {
    team = await (await api()).team.list({ storeId: store.id });
  } catch (err) {
    if (!(err instanceof TRPCError && err.code === 'FORBIDDEN')) throw err;
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('title')} description={t('description')} back={{ href: `/dashboard?tienda=${store.id}`, label: t('back') }} />
      {team ? (
        <IntlProvider namespaces={['team', 'common']}>
          <TeamManager storeId={store.id} storeName={store.name} meId={user.id} initialData={team} />
        </IntlProvider>
      ) : (
        <p className="rounded-2xl bg-zinc-100 p-4 text-sm text-zinc-700">{t('noAccess')}</p>
      )}
    </div>
  );
}
