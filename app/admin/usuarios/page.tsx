import { PageHeader } from '@/components/dashboard/page-header';
import { inputClass, buttonClass } from '@/components/dashboard/field';
import { api } from '@/server/trpc/server';

export const metadata = { title: 'Usuarios' };

const when = new Intl.DateTimeFormat('es', { dateStyle: 'medium' });

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = '' } = await searchParams;
  const rows = await (await api()).admin.users({ q: q.slice(0, 100), limit: 100 });
  return (
    <div className="max-w-4xl">
      <PageHeader title="Usuarios" description="Personas registradas, su plan y cuántas tiendas tienen. Para suspender una tienda ve a «Tiendas»." />
      <form className="mb-4 flex gap-2" method="get">
        <label className="sr-only" htmlFor="user-q">
          Buscar
        </label>
        <input id="user-q" name="q" defaultValue={q} className={inputClass} placeholder="Correo o nombre" />
        <button className={buttonClass.secondary} type="submit">
          Buscar
        </button>
      </form>
      <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white">
        {rows.map((u) => (
          <li key={u.id} className="flex items-start justify-between gap-3 p-3">
            <div className="min-w-0">
              <p className="truncate font-medium text-zinc-900">{u.email}</p>
              <p className="text-sm text-zinc-600">
                {u.displayName ?? 'Sin nombre'} · desde {when.format(u.createdAt)}
              </p>
            </div>
            <p className="shrink-0 text-right text-sm text-zinc-700">
              {u.planCode === 'pro' ? 'Pro' : 'Free'} · {u.storesOwned} tienda{u.storesOwned === 1 ? '' : 's'}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
