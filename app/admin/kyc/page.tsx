import { getTranslations } from 'next-intl/server';
import { KycQueue } from '@/components/admin/kyc-queue';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.kyc'))('nav') };
}

export default async function AdminKycPage() {
  const queue = await (await adminApi('/admin/kyc')).admin.kycQueue();
  const t = await getTranslations('admin.kyc');
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('title')} description={t('description')} />
      <KycQueue initialData={queue} />
    </div>
  );
}
