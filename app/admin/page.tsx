import Link from 'next/link';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export const metadata = { title: 'Resumen' };

export default async function AdminHome() {
  const trpc = await adminApi('/admin');
  const [kyc, suspended, audit, payouts] = await Promise.all([
    trpc.admin.kycQueue(),
    trpc.admin.stores({ status: 'suspended', limit: 100 }),
    trpc.admin.verifyAudit(),
    trpc.admin.payouts({ status: 'requested', limit: 100 }),
  ]);
  const cards = [
    { href: '/admin/kyc', label: 'Verificaciones en revisión', value: String(kyc.queue.length) },
    { href: '/admin/tiendas', label: 'Tiendas suspendidas', value: String(suspended.length) },
    { href: '/admin/retiros', label: 'Retiros solicitados', value: String(payouts.length) },
    { href: '/admin/auditoria', label: 'Registro de auditoría', value: audit.ok ? `Íntegro · ${audit.entries}` : `Roto en #${audit.firstBreak?.seq}` },
  ];
  return (
    <div>
      <PageHeader title="Administración" description="Revisión de identidad, tiendas, curaduría del marketplace, retiros y auditoría." />
      <ul className="grid gap-3 sm:grid-cols-2">
        {cards.map((c) => (
          <li key={c.href}>
            <Link href={c.href} className="block rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm hover:border-violet-300">
              <p className="text-sm text-zinc-600">{c.label}</p>
              <p className="mt-1 text-2xl font-semibold text-zinc-900">{c.value}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
