import { KycQueue } from '@/components/admin/kyc-queue';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export const metadata = { title: 'Verificaciones' };

export default async function AdminKycPage() {
  const queue = await (await adminApi('/admin/kyc')).admin.kycQueue();
  return (
    <div className="max-w-3xl">
      <PageHeader title="Verificaciones en revisión" description="Casos que DIDIT envió a revisión manual. Cada decisión queda en el registro de auditoría." />
      <KycQueue initialData={queue} />
    </div>
  );
}
