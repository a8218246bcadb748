import { getTranslations } from 'next-intl/server';
import { UsersAdmin } from '@/components/admin/users-admin';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireAdmin } from '@/server/auth/require-admin';
import { api } from '@/server/trpc/server';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function AdminUsersPage() {
  const me = await requireAdmin('/admin/usuarios');
  const [t, rows] = await Promise.all([getTranslations('admin.users'), (await api()).admin.users({ q: '', status: 'all', limit: 100 })]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('title')} description={t('description')} />
      <UsersAdmin initialData={rows} meId={me.id} />
    </div>
  );
}
