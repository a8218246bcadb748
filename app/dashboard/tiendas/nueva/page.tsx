import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { PlanLimitBanner } from '@/components/dashboard/plan-limit-banner';
import { PageHeader } from '@/components/dashboard/page-header';
import { currencyForAcceptLanguage } from '@/components/store/currency';
import { StoreForm } from '@/components/store/store-form';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('newStore') };
}

export default async function NewStorePage() {
  await requireUser('/dashboard/tiendas/nueva');
  const [usage, t] = await Promise.all([(await api()).plan.usage(), getTranslations('dashboard.pages')]);
  const currency = currencyForAcceptLanguage((await headers()).get('accept-language'));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t('newStore')}
        description={t('newStoreText')}
        back={{ href: '/dashboard', label: t('panel') }}
      />
      <PlanLimitBanner usage={usage} resource="stores" />
      <StoreForm
        mode="create"
        defaults={{ name: '', slug: '', description: '', logoMediaId: null, brandColor: '#7c3aed', whatsapp: '', currency }}
      />
    </div>
  );
}
