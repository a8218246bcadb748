import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DailyMessagesChart, IntentsChart } from '@/components/crm/charts';
import { firstParam, sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { formatMoney } from '@/components/ui/money';
import { requireUser } from '@/server/auth/require-user';
import { SEGMENTS, type Segment } from '@/server/services/crm/schemas';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('crm'))('title') };
}

const SEG_STYLE: Record<Segment, string> = {
  new: 'bg-sky-100 text-sky-800',
  repeat: 'bg-emerald-100 text-emerald-800',
  vip: 'bg-amber-100 text-amber-800',
  at_risk: 'bg-rose-100 text-rose-800',
};

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/clientes`);
  const store = await sellerStoreOr404(storeId);
  const sp = await searchParams;
  const s = firstParam(sp.segmento);
  const segment = (SEGMENTS as readonly string[]).includes(s ?? '') ? (s as Segment) : undefined;
  const tag = firstParam(sp.etiqueta)?.slice(0, 40) || undefined;
  const q = firstParam(sp.q)?.slice(0, 100) || undefined;
  const trpc = await api();
  const [list, insights, t, format, locale] = await Promise.all([
    trpc.crm.list({ storeId: store.id, segment, tag, q }),
    trpc.crm.insights({ storeId: store.id }),
    getTranslations('crm'),
    getFormatter(),
    getLocale(),
  ]);
  const base = `/dashboard/tiendas/${store.id}/clientes`;
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} description={t('description', { store: store.name })} />

      <section className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t('segmentsLabel')}>
        {SEGMENTS.map((seg) => (
          <Link key={seg} href={segment === seg ? base : `${base}?segmento=${seg}`} aria-current={segment === seg ? 'true' : undefined} className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200 aria-[current=true]:ring-2 aria-[current=true]:ring-violet-500">
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${SEG_STYLE[seg]}`}>{t(`segment.${seg}`)}</span>
            <span className="mt-1 block text-2xl font-bold text-zinc-900">{list.segments[seg]}</span>
          </Link>
        ))}
      </section>

      <section className="space-y-3 rounded-2xl bg-white p-4 ring-1 ring-zinc-200" aria-labelledby="ins-title">
        <h2 id="ins-title" className="font-semibold text-zinc-900">{t('insightsTitle')}</h2>
        {insights.outOfStock.length ? (
          <ul className="space-y-1" data-testid="out-of-stock-asks">
            {insights.outOfStock.map((a) => (
              <li key={`${a.productId}${a.option}`} className="rounded-xl bg-rose-50 px-3 py-2 text-sm text-rose-900">
                <Link href={`/dashboard/tiendas/${store.id}/productos/${a.productId}`}>
                  📦 {a.option ? t('outOfStockOption', { buyers: a.buyers, product: a.productTitle, option: a.option }) : t('outOfStock', { buyers: a.buyers, product: a.productTitle })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-sm text-zinc-700">
          {insights.unanswered.count ? (
            <Link href={`/dashboard/inbox/${store.id}?filtro=unanswered`} className="font-medium text-violet-700">
              {t('unanswered', { count: insights.unanswered.count })}
            </Link>
          ) : (
            t('allAnswered')
          )}
          {insights.aiUse.suggested ? t('aiUse', { used: insights.aiUse.used, suggested: insights.aiUse.suggested }) : ''}
        </p>
        {insights.intents.length ? (
          <div>
            <h3 className="mb-1 text-sm font-medium text-zinc-700">{t('topQuestions')}</h3>
            <IntentsChart data={insights.intents.map((i) => ({ label: t(`intent.${i.intent}`), count: i.count }))} />
          </div>
        ) : null}
        <div>
          <h3 className="mb-1 text-sm font-medium text-zinc-700">{t('perDay')}</h3>
          <DailyMessagesChart data={insights.daily} />
        </div>
      </section>

      <form className="flex gap-2" action={base}>
        {segment ? <input type="hidden" name="segmento" value={segment} /> : null}
        <label htmlFor="crm-q" className="sr-only">
          {t('searchLabel')}
        </label>
        <input id="crm-q" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} className="min-h-11 min-w-0 flex-1 rounded-xl border border-zinc-300 px-3 text-base" />
        <button className="min-h-11 rounded-xl bg-zinc-900 px-4 text-sm font-semibold text-white">{t('search')}</button>
      </form>
      {list.tags.length ? (
        <div className="flex flex-wrap gap-1.5">
          {list.tags.map((name) => (
            <Link key={name} href={tag === name ? base : `${base}?etiqueta=${encodeURIComponent(name)}`} className={`inline-flex min-h-8 items-center rounded-full px-3 text-xs font-medium ${tag === name ? 'bg-violet-600 text-white' : 'bg-violet-100 text-violet-800'}`}>
              {name}
            </Link>
          ))}
        </div>
      ) : null}

      {list.items.length ? (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl bg-white ring-1 ring-zinc-200" data-testid="customer-list">
          {list.items.map((c) => (
            <li key={c.id}>
              {/* No prefetch: a store may list hundreds of customers, and each prefetch is a server render. */}
              <Link href={`${base}/${encodeURIComponent(c.id)}`} prefetch={false} className="flex items-center gap-3 px-4 py-3 hover:bg-zinc-50">
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2">
                    <span className="truncate font-medium text-zinc-900">{c.name}</span>
                    <span className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold ${SEG_STYLE[c.segment]}`}>{t(`segment.${c.segment}`)}</span>
                    {c.guest ? <span className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-medium text-zinc-600">{t('guest')}</span> : null}
                    {c.waiting ? <span className="shrink-0 text-[11px] font-semibold text-violet-700">{t('waiting')}</span> : null}
                  </span>
                  <span className="block truncate text-xs text-zinc-500">
                    {t('rowMeta', { orders: c.orders, date: format.dateTime(new Date(c.lastInteractionAt), { day: 'numeric', month: 'short' }) })}
                    {c.tags.length ? ` · ${c.tags.join(', ')}` : ''}
                  </span>
                </span>
                <span className="shrink-0 text-right text-sm font-semibold text-zinc-900">{formatMoney(c.ltv, c.currency, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-2xl bg-white p-6 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">{segment || tag || q ? t('emptyFiltered') : t('empty')}</p>
      )}
    </div>
  );
}
