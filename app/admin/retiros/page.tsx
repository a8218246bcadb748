import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Pill } from '@/components/dashboard/commerce-ui';
import { PageHeader } from '@/components/dashboard/page-header';
import { formatMoney } from '@/components/ui/money';
import { adminApi } from '@/server/auth/require-admin';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.payouts'))('title') };
}

const TONE: Record<string, 'amber' | 'sky' | 'green' | 'red'> = { requested: 'amber', processing: 'sky', paid: 'green', failed: 'red', rejected: 'red' };
const mask = (a: string) => (a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a);

export default async function AdminPayoutsPage() {
  const rows = await (await adminApi('/admin/retiros')).admin.payouts({ status: 'all', limit: 100 });
  const [t, format, locale] = await Promise.all([getTranslations('admin.payouts'), getFormatter(), getLocale()]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t('title')} description={t('description')} />
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white">
          {rows.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-3 p-3 sm:p-4">
              <div className="min-w-0">
                <p className="font-medium text-zinc-900">{p.storeName}</p>
                <p className="truncate text-sm text-zinc-600">
                  {p.destination.network} {mask(p.destination.address)} · {format.dateTime(p.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </p>
                {p.failureReason ? <p className="text-sm text-red-700">{p.failureReason}</p> : null}
              </div>
              <div className="shrink-0 text-right">
                <p className="font-semibold tabular-nums text-zinc-900">{formatMoney(p.amount, p.currency, locale)}</p>
                <Pill tone={TONE[p.status] ?? 'red'}>{t(`status.${p.status}`)}</Pill>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
