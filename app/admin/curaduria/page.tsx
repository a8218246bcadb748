import { getTranslations } from 'next-intl/server';
import { Curation } from '@/components/admin/curation';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.curation'))('nav') };
}

export default async function AdminCurationPage() {
  const trpc = await adminApi('/admin/curaduria');
  const [t, weights, featured] = await Promise.all([getTranslations('admin.curation'), trpc.admin.rankingWeights(), trpc.admin.featured()]);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('title')} description={t('description')} />
      <Curation weights={weights} featured={featured} />
    </div>
  );
}
