import { getTranslations } from 'next-intl/server';
import { StoresAdmin } from '@/components/admin/stores-admin';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.stores'))('title') };
}

export default async function AdminStoresPage() {
  const stores = await (await adminApi('/admin/tiendas')).admin.stores({ q: '', status: 'all', limit: 50 });
  const t = await getTranslations('admin.stores');
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('title')} description={t('description')} />
      <StoresAdmin initialData={stores} />
    </div>
  );
}
