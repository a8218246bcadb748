'use client';

import { ListPagination } from './list-pagination';
import Image from 'next/image';
import Link from 'next/link';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Disclosure, DisclosurePanel, DisclosureTrigger } from '@/components/ui/disclosure';
import { useMoney } from '@/components/ui/use-money';
import { buttonClass } from './field';
import { ArrowUpDownIcon, BoxIcon, CloseIcon, PencilIcon, PlusIcon } from './icons';
import { SearchField, StatusTabs } from './list-controls';
import { LimitNotice } from './limit-notice';
import { useMediaUrl } from './media-url';
import {
  listInput,
  PAGE_SIZE,
  SORT_OPTIONS,
  STATUS_TABS,
  writeTableState,
  type TProductSort,
  type TTableState,
} from './product-table-params';
import { ProductListSkeleton } from './skeleton';
import { StockInput } from './stock-input';
import { appErrorOf, limitDetailsOf, type TAppErrorInfo } from './trpc-error';
import { variantLabel, type TProductList, type TProductListItem } from './types';

type Notice =
  | { kind: 'archived'; productId: string; title: string }
  | { kind: 'restored'; title: string }
  | { kind: 'error'; title: string; error: TAppErrorInfo };

const sameState = (a: TTableState, b: TTableState) =>
  a.q === b.q && a.status === b.status && a.sort === b.sort && a.dir === b.dir && a.page === b.page;

/**
 * The seller's products: search (debounced), status tabs, sort, pagination, inline stock per variant,
 * archive/restore. A table on wide screens, cards on phones (same markup, no horizontal scrolling).
 * The state lives in the URL (?q=&estado=&orden=&dir=&pagina=) so reloads and shared links keep it.
 */
export function ProductTable({
  storeId,
  initialState,
  initialData,
  showNewButton = true,
  showHeading = true,
}: {
  storeId: string;
  initialState: TTableState;
  initialData?: TProductList;
  /** Off where the page already has a "Nuevo producto" link nearby. */
  showNewButton?: boolean;
  /** Off where the page title already says "Productos" (the heading stays for screen readers). */
  showHeading?: boolean;
}) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.products');
  const titleOf = (list: TProductList | undefined, productId: string) => list?.items.find((i) => i.id === productId)?.title ?? t('theProduct');
  const queryClient = useQueryClient();
  const [state, setState] = useState(initialState);
  const [search, setSearch] = useState(initialState.q);
  const [notice, setNotice] = useState<Notice | null>(null);
  const headingId = useId();

  // Debounced search: the list follows 300 ms after the last keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      setState((s) => (s.q === search.trim() ? s : { ...s, q: search.trim(), page: 1 }));
    }, 300);
    return () => clearTimeout(t);
  }, [search]);

  // Mirror the state into the URL without a navigation.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const params = writeTableState(new URLSearchParams(window.location.search), state);
    const qs = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`);
  }, [state]);

  const input = listInput(storeId, state);
  const query = useQuery({
    ...trpc.product.list.queryOptions(input),
    initialData: initialData && sameState(state, initialState) ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  // After archiving the last row of the last page, step back to a page that exists.
  useEffect(() => {
    if (data && !query.isPlaceholderData && state.page > pages) setState((s) => ({ ...s, page: pages }));
  }, [data, pages, state.page, query.isPlaceholderData]);

  const invalidateAll = () => {
    void queryClient.invalidateQueries(trpc.product.list.pathFilter());
    void queryClient.invalidateQueries(trpc.store.counts.queryFilter({ storeId }));
    void queryClient.invalidateQueries(trpc.plan.usage.queryFilter());
  };
  const archive = useMutation(
    trpc.product.archive.mutationOptions({
      onSuccess: (p) => {
        setNotice({ kind: 'archived', productId: p.id, title: p.title });
        invalidateAll();
      },
      onError: (err, vars) => setNotice({ kind: 'error', title: titleOf(data, vars.productId), error: appErrorOf(err) }),
    }),
  );
  const restore = useMutation(
    trpc.product.restore.mutationOptions({
      onSuccess: (p) => {
        setNotice({ kind: 'restored', title: p.title });
        invalidateAll();
      },
      onError: (err, vars) => setNotice({ kind: 'error', title: titleOf(data, vars.productId), error: appErrorOf(err) }),
    }),
  );
  const busyId = archive.isPending ? archive.variables?.productId : restore.isPending ? restore.variables?.productId : undefined;

  const update = (patch: Partial<TTableState>) => setState((s) => ({ ...s, page: 1, ...patch }));
  const filtered = state.q !== '' || state.status !== 'active';

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex items-end justify-between gap-3">
        <h2 id={headingId} className={showHeading ? 'text-lg font-semibold text-zinc-900' : 'sr-only'}>
          {t('heading')}
        </h2>
        {showNewButton ? (
          <Link href={`/dashboard/tiendas/${storeId}/productos/nuevo`} className={`${buttonClass.primary} ml-auto`}>
            <PlusIcon className="size-5" />
            {t('new')}
          </Link>
        ) : null}
      </div>

      {/* Controls: search, status tabs, sort */}
      <div className="flex flex-col gap-2 md:flex-row md:items-center">
        <SearchField id={`${headingId}-q`} label={t('search')} value={search} onChange={setSearch} placeholder={t('searchPlaceholder')} />
        <div className="flex gap-2">
          <div className="min-w-0 flex-1 md:w-56 md:flex-none">
            <label htmlFor={`${headingId}-sort`} className="sr-only">
              {t('sortBy')}
            </label>
            <select
              id={`${headingId}-sort`}
              value={state.sort}
              onChange={(e) => {
                const sort = e.target.value as TProductSort;
                update({ sort, dir: SORT_OPTIONS.find((o) => o.value === sort)?.defaultDir ?? 'desc' });
              }}
              className="block min-h-11 w-full rounded-xl border border-zinc-300 bg-white px-3 text-base outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500"
            >
              {SORT_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {t('sortOption', { label: t(`sort.${o.value}`) })}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() => update({ dir: state.dir === 'asc' ? 'desc' : 'asc' })}
            className={`${buttonClass.secondary} shrink-0 px-3`}
          >
            <ArrowUpDownIcon className="size-5" />
            {/* The visible words start the accessible name (WCAG 2.5.3 label in name); the rest is for screen readers. */}
            <span className="text-xs font-medium">{t(`dir.${dirKey(state.sort, state.dir)}`)}</span>
            <span className="sr-only">: {state.dir === 'asc' ? t('dirAsc') : t('dirDesc')}</span>
          </button>
        </div>
      </div>

      <StatusTabs
        idPrefix={headingId}
        tabs={STATUS_TABS.map((tab) => ({ value: tab.value, label: t(`tabs.${tab.value}`) }))}
        value={state.status}
        onChange={(status) => update({ status })}
        className="flex gap-1 rounded-xl bg-zinc-100 p-1 sm:w-fit"
        tabClassName="min-h-11 flex-1 rounded-lg px-3 text-sm font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-600 aria-selected:bg-white aria-selected:text-zinc-900 aria-selected:shadow-sm sm:flex-none sm:px-6"
      />

      {notice ? (
        <NoticeBar notice={notice} onClose={() => setNotice(null)} onUndo={(id) => restore.mutate({ storeId, productId: id })} />
      ) : null}

      <div id={`${headingId}-list`} role="tabpanel" aria-labelledby={`${headingId}-tab-${state.status}`}>
        {!data ? (
          query.isError ? (
            <ErrorState message={appErrorOf(query.error).message} onRetry={() => void query.refetch()} />
          ) : (
            <ProductListSkeleton />
          )
        ) : data.items.length === 0 ? (
          <EmptyState
            storeId={storeId}
            state={state}
            filtered={filtered}
            onClear={() => {
              setSearch('');
              update({ q: '', status: 'active' });
            }}
          />
        ) : (
          <div className={`transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={query.isFetching}>
            <div className="overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
              <div
                aria-hidden="true"
                className="hidden grid-cols-[minmax(0,1fr)_8rem_12.5rem_6.5rem_13rem] gap-4 border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 lg:grid"
              >
                <span>{t('colProduct')}</span>
                <span>{t('colPrice')}</span>
                <span>{t('colStock')}</span>
                <span>{t('colStatus')}</span>
                <span className="text-right">{t('colActions')}</span>
              </div>
              <ul className="divide-y divide-zinc-100">
                {data.items.map((p) => (
                  <ProductRow
                    key={p.id}
                    storeId={storeId}
                    product={p}
                    busy={busyId === p.id}
                    onArchive={() => archive.mutate({ storeId, productId: p.id })}
                    onRestore={() => restore.mutate({ storeId, productId: p.id })}
                  />
                ))}
              </ul>
            </div>
            <ListPagination
              namespace="dashboard.products"
              pageSize={PAGE_SIZE}
              page={state.page}
              pages={pages}
              total={data.total}
              shown={data.items.length}
              onPage={(page) => setState((s) => ({ ...s, page }))}
            />
          </div>
        )}
      </div>
    </section>
  );
}

function dirKey(sort: TProductSort, dir: 'asc' | 'desc') {
  if (sort === 'title') return dir === 'asc' ? 'az' : 'za';
  if (sort === 'created' || sort === 'updated') return dir === 'desc' ? 'newer' : 'older';
  return dir === 'asc' ? 'lower' : 'higher';
}

function ProductRow({
  storeId,
  product: p,
  busy,
  onArchive,
  onRestore,
}: {
  storeId: string;
  product: TProductListItem;
  busy: boolean;
  onArchive: () => void;
  onRestore: () => void;
}) {
  const t = useTranslations('dashboard.products');
  const mediaUrl = useMediaUrl();
  const thumb = mediaUrl(p.imageKey);
  const editHref = `/dashboard/tiendas/${storeId}/productos/${p.id}`;
  const single = p.variants.length === 1 ? p.variants[0] : undefined;
  const [open, setOpen] = useState(false);
  const archived = p.status === 'archived';

  return (
    <Disclosure asChild open={open} onOpenChange={setOpen}>
      <li className="grid grid-cols-[3.5rem_minmax(0,1fr)] gap-x-3 gap-y-3 p-3 sm:p-4 lg:grid-cols-[minmax(0,1fr)_8rem_12.5rem_6.5rem_13rem] lg:items-center lg:gap-4">
        {/* Product: thumbnail + title (on phones the thumbnail is its own column) */}
        <div className="row-span-3 lg:hidden">
          <Thumb url={thumb} />
        </div>
        <div className="flex min-w-0 items-center gap-3">
          <div className="hidden lg:block">
            <Thumb url={thumb} />
          </div>
          <div className="min-w-0">
            <Link
              href={editHref}
              className="line-clamp-2 font-medium text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-violet-600"
            >
              {p.title}
            </Link>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 lg:hidden">
              <Price p={p} />
              <StatusBadge status={p.status} stock={p.stockTotal} />
            </p>
            {p.variants.length > 1 ? (
              <p className="mt-0.5 hidden text-xs text-zinc-500 lg:block">{t('variants', { count: p.variants.length })}</p>
            ) : null}
          </div>
        </div>
        <div className="hidden text-sm lg:block">
          <Price p={p} />
        </div>

        {/* Stock */}
        <div className="min-w-0">
          {single ? (
            <div className="flex items-center gap-2">
              <span className="text-sm text-zinc-600 lg:hidden">{t('stock')}</span>
              <StockInput
                storeId={storeId}
                variantId={single.id}
                stock={single.stock}
                reserved={single.reserved}
                label={t('stockOf', { title: p.title })}
              />
            </div>
          ) : (
            <DisclosureTrigger>
              <button
                type="button"
                className="inline-flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-xl border border-zinc-300 px-3 text-sm text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-violet-600"
              >
                {t.rich('units', { count: p.stockTotal, b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span> })}
                <span className="text-zinc-500">{t('unitsVariants', { count: p.variants.length })}</span>
                <span aria-hidden="true" className={`transition-transform ${open ? 'rotate-180' : ''}`}>
                  ▾
                </span>
              </button>
            </DisclosureTrigger>
          )}
        </div>

        <div className="hidden lg:block">
          <StatusBadge status={p.status} stock={p.stockTotal} />
        </div>

        {/* Actions */}
        <div className="flex flex-wrap gap-2 lg:flex-nowrap lg:justify-end">
          <Link href={editHref} className={`${buttonClass.secondary} px-3`} aria-label={t('editLabel', { title: p.title })}>
            <PencilIcon className="size-4" />
            {t('edit')}
          </Link>
          {archived ? (
            <button
              type="button"
              onClick={onRestore}
              disabled={busy}
              className={`${buttonClass.secondary} px-3`}
              aria-label={t('restoreLabel', { title: p.title })}
            >
              {busy ? t('restoring') : t('restore')}
            </button>
          ) : (
            <button
              type="button"
              onClick={onArchive}
              disabled={busy}
              className={`${buttonClass.ghost} px-3`}
              aria-label={t('archiveLabel', { title: p.title })}
            >
              {busy ? t('archiving') : t('archive')}
            </button>
          )}
        </div>

        {!single ? (
          <DisclosurePanel className="col-span-full rounded-xl bg-zinc-50 p-3">
            <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">{t('stockByVariant')}</p>
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {p.variants.map((v) => (
                <li key={v.id} className="flex items-start justify-between gap-3 rounded-lg bg-white p-2 ring-1 ring-zinc-200">
                  <span className="min-w-0 pt-2.5 text-sm text-zinc-800">
                    <span className="block truncate">{variantLabel(v.options, p.options.map((o) => o.name))}</span>
                    {v.sku ? <span className="block truncate text-xs text-zinc-500">{t('sku', { sku: v.sku })}</span> : null}
                  </span>
                  <StockInput
                    storeId={storeId}
                    variantId={v.id}
                    stock={v.stock}
                    reserved={v.reserved}
                    label={t('stockOfVariant', { title: p.title, variant: variantLabel(v.options, p.options.map((o) => o.name)) })}
                  />
                </li>
              ))}
            </ul>
          </DisclosurePanel>
        ) : null}
      </li>
    </Disclosure>
  );
}

function Thumb({ url }: { url: string | null }) {
  return (
    <span className="relative flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200">
      {url ? <Image src={url} alt="" fill sizes="56px" className="object-cover" /> : <BoxIcon className="size-6 text-zinc-400" />}
    </span>
  );
}

function Price({ p }: { p: TProductListItem }) {
  const t = useTranslations('dashboard.products');
  const formatMoney = useMoney();
  return (
    <span className="tabular-nums">
      {p.priceMin < p.price ? <span className="text-zinc-500">{t('from')}</span> : null}
      <span className="font-medium text-zinc-900">{formatMoney(p.priceMin < p.price ? p.priceMin : p.price, p.currency)}</span>
      {p.compareAtPrice ? <s className="ml-1.5 text-xs text-zinc-500">{formatMoney(p.compareAtPrice, p.currency)}</s> : null}
    </span>
  );
}

function StatusBadge({ status, stock }: { status: 'active' | 'archived'; stock: number }) {
  const t = useTranslations('dashboard.products.status');
  const [key, cls] =
    status === 'archived'
      ? (['archived', 'bg-zinc-100 text-zinc-700 ring-zinc-300'] as const)
      : stock <= 0
        ? (['outOfStock', 'bg-red-50 text-red-800 ring-red-200'] as const)
        : stock <= 3
          ? (['lowStock', 'bg-amber-50 text-amber-900 ring-amber-200'] as const)
          : (['active', 'bg-emerald-50 text-emerald-800 ring-emerald-200'] as const);
  const label = t(key);
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${cls}`}>
      {label}
    </span>
  );
}

function NoticeBar({ notice, onClose, onUndo }: { notice: Notice; onClose: () => void; onUndo: (productId: string) => void }) {
  const t = useTranslations('dashboard.products');
  if (notice.kind === 'error') {
    const limit = limitDetailsOf(notice.error);
    return (
      <div className="relative">
        {limit ? (
          <LimitNotice details={limit} context={t('restoreFailed', { title: notice.title })} />
        ) : (
          <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 pr-12 text-sm text-red-800">
            {t('updateFailed', { title: notice.title, message: notice.error.message })}
          </p>
        )}
        <CloseButton onClose={onClose} />
      </div>
    );
  }
  return (
    <div
      role="status"
      className="relative flex flex-wrap items-center gap-3 rounded-2xl border border-emerald-200 bg-emerald-50 p-3 pr-12 text-sm text-emerald-900"
    >
      <span>
        {notice.kind === 'archived' ? t('archived', { title: notice.title }) : t('restored', { title: notice.title })}
      </span>
      {notice.kind === 'archived' ? (
        <button
          type="button"
          onClick={() => onUndo(notice.productId)}
          className="min-h-11 rounded-xl px-3 font-semibold text-emerald-900 underline hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          {t('undo')}
        </button>
      ) : null}
      <CloseButton onClose={onClose} />
    </div>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const t = useTranslations('dashboard.products');
  return (
    <button
      type="button"
      onClick={onClose}
      aria-label={t('closeNotice')}
      className="absolute right-1 top-1 flex size-11 items-center justify-center rounded-xl text-zinc-600 hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-violet-600"
    >
      <CloseIcon className="size-5" />
    </button>
  );
}


function EmptyState({
  storeId,
  state,
  filtered,
  onClear,
}: {
  storeId: string;
  state: TTableState;
  filtered: boolean;
  onClear: () => void;
}) {
  const t = useTranslations('dashboard.products');
  if (!filtered) {
    return (
      <div className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
        <BoxIcon className="mx-auto size-10 text-violet-500" />
        <h3 className="mt-3 text-base font-semibold text-zinc-900">{t('emptyTitle')}</h3>
        <p className="mx-auto mt-1 max-w-sm text-sm text-zinc-600">
          {t('emptyText')}
        </p>
        <Link href={`/dashboard/tiendas/${storeId}/productos/nuevo`} className={`${buttonClass.primary} mt-5`}>
          <PlusIcon className="size-5" />
          {t('addFirst')}
        </Link>
      </div>
    );
  }
  const what = state.q ? t('noMatch', { q: state.q }) : state.status === 'archived' ? t('noArchived') : t('noneFiltered');
  return (
    <div className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      <p className="text-sm text-zinc-700">{what}</p>
      <button type="button" onClick={onClear} className={`${buttonClass.secondary} mt-4`}>
        {t('seeActive')}
      </button>
    </div>
  );
}

function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useTranslations('dashboard.products');
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-6 text-center text-sm text-red-800">
      <p>{t('loadError', { message })}</p>
      <button type="button" onClick={onRetry} className={`${buttonClass.secondary} mt-4`}>
        {t('retry')}
      </button>
    </div>
  );
}
