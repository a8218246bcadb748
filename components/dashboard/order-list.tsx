'use client';

import { ListPagination } from './list-pagination';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Disclosure, DisclosurePanel, DisclosureTrigger } from '@/components/ui/disclosure';
import { useMoney } from '@/components/ui/use-money';
import type { TOrderStatusFilter } from '@/server/services/orders/seller-order-schemas';
import type { TSellerOrderList, TSellerOrderListItem } from './commerce-types';
import { buttonClass, inputClass } from './field';
import { ReceiptIcon } from './icons';
import { SearchField, StatusTabs } from './list-controls';
import { ORDER_PAGE_SIZE, ORDER_TABS, orderListInput, writeOrderListState, type TOrderListState } from './order-list-params';
import { OrderStatusBadge } from './order-status';
import { ProductListSkeleton } from './skeleton';
import { appErrorOf } from './trpc-error';

const same = (a: TOrderListState, b: TOrderListState) => a.status === b.status && a.q === b.q && a.from === b.from && a.to === b.to && a.page === b.page;

function tabCount(counts: TSellerOrderList['counts'], tab: TOrderStatusFilter): number {
  if (tab === 'all') return Object.values(counts).reduce((s, n) => s + n, 0);
  if (tab === 'closed') return counts.cancelled + counts.expired + counts.refunded;
  return counts[tab];
}

/**
 * The seller's orders: status tabs with counters, search (number, buyer name or email), date range, pages.
 * Cards at every width (an order is read, then opened); state in the URL like the product table.
 */
export function OrderList({ storeId, initialState, initialData }: { storeId: string; initialState: TOrderListState; initialData?: TSellerOrderList }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.orders');
  const [state, setState] = useState(initialState);
  const [search, setSearch] = useState(initialState.q);
  const [showDates, setShowDates] = useState(Boolean(initialState.from || initialState.to));
  const id = useId();

  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s.q === search.trim() ? s : { ...s, q: search.trim(), page: 1 })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const qs = writeOrderListState(new URLSearchParams(window.location.search), state).toString();
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`);
  }, [state]);

  const rangeError = state.from && state.to && state.to < state.from ? t('rangeError') : null;
  const query = useQuery({
    // A reversed range is shown as an error and not sent (the server would answer BAD_REQUEST).
    ...trpc.sellerOrder.list.queryOptions(orderListInput(storeId, rangeError ? { ...state, to: '' } : state)),
    initialData: initialData && same(state, initialState) ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / ORDER_PAGE_SIZE)) : 1;
  const update = (patch: Partial<TOrderListState>) => setState((s) => ({ ...s, page: 1, ...patch }));
  const filtered = state.q !== '' || state.from !== '' || state.to !== '';

  return (
    <Disclosure asChild open={showDates} onOpenChange={setShowDates}>
      <section aria-labelledby={`${id}-h`} className="space-y-3">
        <h2 id={`${id}-h`} className="sr-only">
          {t('heading')}
        </h2>
        <div className="flex flex-col gap-2 md:flex-row md:items-center">
          <SearchField id={`${id}-q`} label={t('search')} value={search} onChange={setSearch} placeholder={t('searchPlaceholder')} />
          <DisclosureTrigger>
            <button type="button" className={`${buttonClass.secondary} md:w-auto`}>
              {state.from || state.to ? t('datesFiltered') : t('dates')}
              <span aria-hidden="true" className={`transition-transform ${showDates ? 'rotate-180' : ''}`}>
                ▾
              </span>
            </button>
          </DisclosureTrigger>
        </div>
        <DisclosurePanel className="flex flex-wrap items-end gap-2 rounded-2xl border border-zinc-200 bg-white p-3">
          <label className="min-w-36 flex-1 space-y-1 text-sm font-medium text-zinc-800">
            <span>{t('from')}</span>
            <input type="date" value={state.from} max={state.to || undefined} onChange={(e) => update({ from: e.target.value })} className={inputClass} />
          </label>
          <label className="min-w-36 flex-1 space-y-1 text-sm font-medium text-zinc-800">
            <span>{t('to')}</span>
            <input type="date" value={state.to} min={state.from || undefined} onChange={(e) => update({ to: e.target.value })} className={inputClass} />
          </label>
          {state.from || state.to ? (
            <button type="button" onClick={() => update({ from: '', to: '' })} className={buttonClass.ghost}>
              {t('clearDates')}
            </button>
          ) : null}
          {rangeError ? (
            <p role="alert" className="w-full text-sm text-red-700">
              {rangeError}
            </p>
          ) : null}
        </DisclosurePanel>

        {/* Six tabs do not fit a phone: the row scrolls sideways. */}
        <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
          <StatusTabs
            idPrefix={id}
            tabs={ORDER_TABS.map((tab) => ({ value: tab.value, label: t(`tabs.${tab.value}`) }))}
            value={state.status}
            onChange={(status) => update({ status })}
            className="flex w-max gap-1 rounded-xl bg-zinc-100 p-1"
            tabClassName="flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-lg px-3 text-sm font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-600 aria-selected:bg-white aria-selected:text-zinc-900 aria-selected:shadow-sm sm:px-4"
            badge={(value) => {
              const n = data ? tabCount(data.counts, value) : null;
              return n !== null && n > 0 ? (
                <span className={`rounded-full px-1.5 text-xs tabular-nums ${value === 'paid' ? 'bg-violet-600 text-white' : 'bg-zinc-200 text-zinc-700'}`}>{n}</span>
              ) : null;
            }}
          />
        </div>

        <div id={`${id}-list`} role="tabpanel" aria-labelledby={`${id}-tab-${state.status}`}>
          {!data ? (
            query.isError ? (
              <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-6 text-center text-sm text-red-800">
                <p>
                  {t('loadError')} {appErrorOf(query.error).message}
                </p>
                <button type="button" onClick={() => void query.refetch()} className={`${buttonClass.secondary} mt-4`}>
                  {t('retry')}
                </button>
              </div>
            ) : (
              <ProductListSkeleton />
            )
          ) : data.items.length === 0 ? (
            <div className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
              <ReceiptIcon className="mx-auto size-10 text-violet-500" />
              <p className="mt-3 text-sm text-zinc-700">
                {filtered ? t('noMatch') : state.status === 'all' ? t('none') : t('noneInStatus')}
              </p>
              {filtered || state.status !== 'all' ? (
                <button
                  type="button"
                  onClick={() => {
                    setSearch('');
                    update({ status: 'all', q: '', from: '', to: '' });
                  }}
                  className={`${buttonClass.secondary} mt-4`}
                >
                  {t('seeAll')}
                </button>
              ) : null}
            </div>
          ) : (
            <div className={`transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={query.isFetching}>
              <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
                {data.items.map((o) => (
                  <OrderRow key={o.id} storeId={storeId} order={o} />
                ))}
              </ul>
              <ListPagination namespace="dashboard.orders" pageSize={ORDER_PAGE_SIZE} page={state.page} pages={pages} total={data.total} shown={data.items.length} onPage={(page) => setState((s) => ({ ...s, page }))} />
            </div>
          )}
        </div>
      </section>
    </Disclosure>
  );
}

function OrderRow({ storeId, order: o }: { storeId: string; order: TSellerOrderListItem }) {
  const t = useTranslations('dashboard.orders');
  const format = useFormatter();
  const formatMoney = useMoney();
  const more = o.itemCount > 1 ? t('more', { count: o.itemCount - 1 }) : '';
  return (
    <li className="relative flex items-start gap-3 p-3 hover:bg-zinc-50 focus-within:bg-zinc-50 sm:items-center sm:p-4">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={`/dashboard/tiendas/${storeId}/pedidos/${o.id}`}
            className="font-semibold text-zinc-900 after:absolute after:inset-0 focus-visible:outline-none after:focus-visible:rounded-xl after:focus-visible:outline-2 after:focus-visible:-outline-offset-2 after:focus-visible:outline-violet-600"
          >
            {t('order', { number: o.number })}
          </Link>
          <OrderStatusBadge status={o.status} deliveryKind={o.deliveryKind} />
        </p>
        <p className="mt-0.5 truncate text-sm text-zinc-700">
          {o.buyerName} · <span className="text-zinc-500">{o.buyerEmail}</span>
        </p>
        <p className="mt-0.5 truncate text-sm text-zinc-500">
          {o.firstItem ?? t('noProducts')}
          {more} · {o.deliveryKind === 'pickup' ? t('pickup') : t('shipping')}
        </p>
      </div>
      <div className="shrink-0 text-right">
        <p className="font-semibold tabular-nums text-zinc-900">{formatMoney(o.total, o.currency)}</p>
        <p className="mt-0.5 text-xs text-zinc-500">
          <time dateTime={new Date(o.createdAt).toISOString()}>{format.dateTime(new Date(o.createdAt), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</time>
        </p>
      </div>
    </li>
  );
}
