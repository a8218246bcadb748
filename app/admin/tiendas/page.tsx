import { StoresAdmin } from '@/components/admin/stores-admin';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export const metadata = { title: 'Tiendas' };

export default async function AdminStoresPage() {
  const stores = await (await adminApi('/admin/tiendas')).admin.stores({ q: '', status: 'all', limit: 50 });
  return (
    <div className="max-w-4xl">
      <PageHeader title="Tiendas" description="Una tienda suspendida desaparece de las páginas públicas y no puede vender." />
      <StoresAdmin initialData={stores} />
    </div>
  );
}
