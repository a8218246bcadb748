import { Curation } from '@/components/admin/curation';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export const metadata = { title: 'Curaduría' };

export default async function AdminCurationPage() {
  const trpc = await adminApi('/admin/curaduria');
  const [weights, featured] = await Promise.all([trpc.admin.rankingWeights(), trpc.admin.featured()]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Curaduría del marketplace" description="Qué se destaca y cómo se ordenan los resultados de búsqueda." />
      <Curation weights={weights} featured={featured} />
    </div>
  );
}
