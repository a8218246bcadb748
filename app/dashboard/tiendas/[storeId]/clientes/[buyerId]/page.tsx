import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CustomerActions } from '@/components/crm/customer-actions';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { formatMoney } from '@/components/ui/money';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('crm.customer'))('title') };
}

const ORDER_STATUSES = ['pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded'] as const;
type OrderStatus = (typeof ORDER_STATUSES)[number];
const isStatus = (s: string): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s);

export default async function CustomerPage({ params }: { params: Promise<{ storeId: string; buyerId: string }> }) {
  const { storeId, buyerId: raw } = await params;
  const buyerId = decodeURIComponent(raw);
  await requireUser(`/dashboard/tiendas/${storeId}/clientes`);
  // The store check and the customer's page together (crm.customer checks membership itself; a bad id is a 404 either way).
  const [store, page, t, format, locale] = await Promise.all([
    sellerStoreOr404(storeId),
    (await api()).crm.customer({ storeId, buyerId }).catch((e) => {
      if (e instanceof TRPCError && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
      throw e;
    }),
    getTranslations('crm'),
    getFormatter(),
    getLocale(),
  ]);
  const c = page.customer;
  const when = (iso: string) => format.dateTime(new Date(iso), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  return (
    <div className="space-y-4">
      <PageHeader
        title={c.name}
        description={`${t(`segment.${c.segment}`)} · ${c.email}${c.guest ? ` · ${t('customer.guestNote')}` : ''}`}
        back={{ href: `/dashboard/tiendas/${store.id}/clientes`, label: t('customer.back') }}
      />
      <section className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">{t('customer.value')}</p>
          <p className="text-lg font-bold text-zinc-900">{money(c.ltv, c.currency)}</p>
        </div>
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">{t('customer.orders')}</p>
          <p className="text-lg font-bold text-zinc-900">{c.orders}</p>
        </div>
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">{t('customer.last')}</p>
          <p className="text-sm font-bold text-zinc-900">{when(c.lastInteractionAt)}</p>
        </div>
      </section>

      {page.nextSteps.length ? (
        <section className="rounded-2xl bg-violet-50 p-4" data-testid="next-steps">
          <h2 className="mb-2 font-semibold text-violet-900">{t('customer.nextSteps')}</h2>
          <ul className="space-y-1.5 text-sm">
            {page.nextSteps.map((s, i) => {
              const text =
                s.kind === 'restock' ? (s.option ? t('step.restockOption', { product: s.product ?? '', option: s.option }) : t('step.restock', { product: s.product ?? '' })) : t(`step.${s.kind}`);
              return (
                <li key={i}>
                  {s.href ? (
                    <Link href={s.href} className="text-violet-800 underline-offset-2 hover:underline">
                      → {text}
                    </Link>
                  ) : (
                    <span className="text-violet-900">→ {text}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {page.summary ? (
        <section className="rounded-2xl bg-white p-4 text-sm ring-1 ring-zinc-200" data-testid="customer-summary">
          <h2 className="mb-1 font-semibold text-zinc-900">{t('customer.summary')}</h2>
          <p>{page.summary.wants}</p>
          <p className="mt-1 text-zinc-600">{t('customer.nextStep', { text: page.summary.nextStep })}</p>
        </section>
      ) : null}

      <section className="rounded-2xl bg-white p-4 ring-1 ring-zinc-200">
        <h2 className="mb-2 font-semibold text-zinc-900">{t('customer.tagsNotes')}</h2>
        <CustomerActions storeId={store.id} buyerId={c.id} tags={c.tags} />
        {page.notes.length ? (
          <ul className="mt-3 space-y-2">
            {page.notes.map((n) => (
              <li key={n.id} className="rounded-xl bg-amber-50 px-3 py-2 text-sm">
                <p className="whitespace-pre-wrap break-words text-zinc-900">{n.body}</p>
                <p className="mt-1 text-xs text-zinc-500">
                  {when(n.createdAt)}
                  {n.author ? ` · ${n.author}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="rounded-2xl bg-white p-4 ring-1 ring-zinc-200">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="font-semibold text-zinc-900">{t('customer.history')}</h2>
          {c.conversationId ? (
            <Link href={`/dashboard/inbox/${store.id}/${c.conversationId}`} className="text-sm font-medium text-violet-700">
              {t('customer.openChat')}
            </Link>
          ) : null}
        </div>
        {page.timeline.length ? null : <p className="text-sm text-zinc-500">{t('customer.empty')}</p>}
        <ol className="space-y-2" data-testid="timeline">
          {page.timeline.map((item, i) => (
            <li key={i} className="flex gap-3 text-sm">
              <span className="w-24 shrink-0 text-xs text-zinc-400">{when(item.at)}</span>
              {item.kind === 'order' ? (
                <Link href={`/dashboard/tiendas/${store.id}/pedidos/${item.orderId}`} className="min-w-0 break-words text-zinc-900">
                  {t('customer.order', { number: String(item.number), total: money(item.total, item.currency), status: isStatus(item.status) ? t(`status.${item.status}`) : item.status })}
                </Link>
              ) : item.kind === 'message' ? (
                <span className={`min-w-0 break-words ${item.from === 'buyer' ? 'text-zinc-900' : 'text-zinc-500'}`}>
                  {item.from === 'buyer' ? '💬 ' : t('customer.you')}
                  {item.text || t('customer.photo')}
                </span>
              ) : (
                <span className="min-w-0 break-words text-zinc-900">
                  {t('customer.live', { show: item.showTitle, text: item.tip ? t('customer.tip', { amount: money(item.tip.amount, item.tip.currency) }) : item.text })}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
