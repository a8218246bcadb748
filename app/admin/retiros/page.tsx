import { Pill } from '@/components/dashboard/commerce-ui';
import { PageHeader } from '@/components/dashboard/page-header';
import { formatMoney } from '@/components/ui/money';
import { adminApi } from '@/server/auth/require-admin';

export const metadata = { title: 'Retiros' };

const STATUS: Record<string, [string, 'amber' | 'sky' | 'green' | 'red']> = {
  requested: ['Solicitado', 'amber'],
  processing: ['En proceso', 'sky'],
  paid: ['Pagado', 'green'],
  failed: ['Fallido', 'red'],
  rejected: ['Rechazado', 'red'],
};
const when = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' });
const mask = (a: string) => (a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a);

export default async function AdminPayoutsPage() {
  const rows = await (await adminApi('/admin/retiros')).admin.payouts({ status: 'all', limit: 100 });
  return (
    <div className="max-w-4xl">
      <PageHeader title="Retiros" description="Retiros de todas las tiendas, los más recientes primero. Solo tiendas verificadas pueden retirar." />
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">Aún no hay retiros.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white">
          {rows.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-3 p-3 sm:p-4">
              <div className="min-w-0">
                <p className="font-medium text-zinc-900">{p.storeName}</p>
                <p className="truncate text-sm text-zinc-600">
                  {p.destination.network} {mask(p.destination.address)} · {when.format(p.createdAt)}
                </p>
                {p.failureReason ? <p className="text-sm text-red-700">{p.failureReason}</p> : null}
              </div>
              <div className="shrink-0 text-right">
                <p className="font-semibold tabular-nums text-zinc-900">{formatMoney(p.amount, p.currency)}</p>
                <Pill tone={STATUS[p.status]![1]}>{STATUS[p.status]![0]}</Pill>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
