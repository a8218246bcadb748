import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TwoStepSettings } from '@/components/account/two-step-settings';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

export default async function SecurityPage() {
  await requireUser('/dashboard/seguridad');
  const t = await getTranslations('security');
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('title')} description={t('description')} />
      <TwoStepSettings />
    </div>
  );
}
