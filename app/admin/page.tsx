import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/dashboard/page-header';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.shell'))('nav.home') };
}

export default async function AdminHome() {
  const trpc = await adminApi('/admin');
  const [t, kyc, suspended, suspendedUsers, audit, payouts] = await Promise.all([
    getTranslations('admin.home'),
    trpc.admin.kycQueue(),
    trpc.admin.stores({ status: 'suspended', limit: 100 }),
    trpc.admin.users({ status: 'suspended', limit: 100 }),
    trpc.admin.verifyAudit(),
    trpc.admin.payouts({ status: 'requested', limit: 100 }),
  ]);
  const cards = [
    { href: '/admin/kyc', label: t('kyc'), value: String(kyc.queue.length) },
    { href: '/admin/tiendas', label: t('stores'), value: String(suspended.length) },
    { href: '/admin/usuarios', label: t('users'), value: String(suspendedUsers.length) },
    { href: '/admin/retiros', label: t('payouts'), value: String(payouts.length) },
    { href: '/admin/auditoria', label: t('audit'), value: audit.ok ? t('auditOk', { count: audit.entries }) : t('auditBroken', { seq: audit.firstBreak?.seq ?? 0 }) },
  ];
  return (
    <div>
      <PageHeader title={t('title')} description={t('description')} />
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
