import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { OrderStatusBadge } from '@/components/orders/order-status-badge';
import { orderDateFormat } from '@/components/orders/order-words';
import { formatMoney } from '@/components/ui/money';
import { Pagination } from '@/components/ui/pagination';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('orders');
  return { title: t('title'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PedidosPage({ searchParams }: Props) {
  const raw = Number((await searchParams).pagina);
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 1000 ? raw : 1;
  await requireUser(page > 1 ? `/pedidos?pagina=${page}` : '/pedidos');
  const list = await (await api()).order.list({ page });
  const [t, format, locale] = await Promise.all([getTranslations('orders'), getFormatter(), getLocale()]);
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900">{t('heading')}</h1>
      {list.items.length === 0 ? (
        <section className="mt-8 rounded-3xl bg-zinc-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold text-zinc-900">{t('emptyTitle')}</h2>
          <p className="mt-1 text-sm text-zinc-600">{t('emptyText')}</p>
          <Link href="/" className="mt-5 inline-flex h-11 items-center rounded-2xl bg-zinc-900 px-5 text-sm font-semibold text-white">
            {t('browse')}
          </Link>
        </section>
      ) : (
        <ul className="mt-4 divide-y divide-zinc-100 rounded-3xl border border-zinc-200 bg-white">
          {list.items.map((o) => (
            <li key={o.id}>
              <Link href={`/pedidos/${o.id}`} className="flex items-center gap-3 px-4 py-4 hover:bg-zinc-50">
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-zinc-900">#{o.number}</span>
                    <OrderStatusBadge status={o.status} />
                  </span>
                  <span className="mt-0.5 block truncate text-sm text-zinc-700">
                    {o.storeName}
                    {o.firstItemTitle ? ` · ${o.firstItemTitle}` : ''}
                    {o.itemCount > 1 ? t('andMore', { count: o.itemCount - 1 }) : ''}
                  </span>
                  <span className="block text-xs text-zinc-500">{format.dateTime(new Date(o.createdAt), orderDateFormat())}</span>
                </span>
                <span className="shrink-0 text-sm font-semibold tabular-nums text-zinc-900">{formatMoney(o.total, o.currency, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pages} hrefFor={(p) => (p === 1 ? '/pedidos' : `/pedidos?pagina=${p}`)} />
    </main>
  );
}
