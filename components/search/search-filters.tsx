import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterIcon, SearchIcon } from '@/components/ui/icons';
import type { PublicStoreOption } from '@/server/services/catalog/list-public-stores';
import { searchHref, type TSearchProductsQuery } from '@/server/services/catalog/schemas';
import type { CategoryWithCount } from '@/server/services/catalog/types';

const field =
  'h-11 w-full rounded-xl border border-zinc-300 bg-white px-3 text-sm text-zinc-900 outline-none transition focus:border-violet-500 focus:ring-2 focus:ring-violet-200';
const label = 'mb-1.5 block text-sm font-medium text-zinc-800';

type FilterData = { categories: CategoryWithCount[]; stores: PublicStoreOption[]; query: TSearchProductsQuery; action?: string; fixedCategory?: boolean };

/** The /buscar search box. Keeps the current filters (a new query starts again at page 1). */
export async function SearchBox({ query, action = '/buscar', autoFocus = false }: { query: TSearchProductsQuery; action?: string; autoFocus?: boolean }) {
  const t = await getTranslations('search.box');
  return (
    <form action={action} method="get" role="search" className="relative">
      <label htmlFor="search-q" className="sr-only">
        {t('label')}
      </label>
      <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={query.q}
        autoFocus={autoFocus}
        placeholder={t('placeholder')}
        className="h-12 w-full rounded-2xl border border-zinc-300 bg-white pl-12 pr-28 text-base shadow-sm outline-none transition placeholder:text-zinc-400 focus:border-violet-500 focus:ring-2 focus:ring-violet-200"
      />
      {query.category && <input type="hidden" name="categoria" value={query.category} />}
      {query.store && <input type="hidden" name="tienda" value={query.store} />}
      {query.inStock && <input type="hidden" name="stock" value="1" />}
      <button
        type="submit"
        className="absolute right-1.5 top-1/2 h-9 -translate-y-1/2 rounded-xl bg-violet-700 px-4 text-sm font-semibold text-white hover:bg-violet-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600"
      >
        {t('submit')}
      </button>
    </form>
  );
}

async function FilterFields({ categories, stores, query, idp, fixedCategory }: FilterData & { idp: string }) {
  const t = await getTranslations('search.filters');
  const locale = (await getLocale());
  const currencies = [...new Set(stores.map((s) => s.currency))].sort();
  return (
    <>
      <input type="hidden" name="q" value={query.q} />
      {fixedCategory ? (
        <input type="hidden" name="categoria" value={query.category ?? ''} />
      ) : (
        <div>
          <label htmlFor={`${idp}-cat`} className={label}>
            {t('category')}
          </label>
          <select id={`${idp}-cat`} name="categoria" defaultValue={query.category ?? ''} className={field}>
            <option value="">{t('allCategories')}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {locale === 'en' ? c.nameEn : c.nameEs} ({c.productCount})
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`${idp}-store`} className={label}>
          {t('store')}
        </label>
        <select id={`${idp}-store`} name="tienda" defaultValue={query.store ?? ''} className={field}>
          <option value="">{t('allStores')}</option>
          {stores.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className={label}>{t('price')}</legend>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor={`${idp}-min`} className="sr-only">
              {t('minPrice')}
            </label>
            <input id={`${idp}-min`} name="min" type="number" min={0} step="any" inputMode="decimal" placeholder={t('min')} defaultValue={query.minPrice ?? ''} className={field} />
          </div>
          <div>
            <label htmlFor={`${idp}-max`} className="sr-only">
              {t('maxPrice')}
            </label>
            <input id={`${idp}-max`} name="max" type="number" min={0} step="any" inputMode="decimal" placeholder={t('max')} defaultValue={query.maxPrice ?? ''} className={field} />
          </div>
        </div>
        <label htmlFor={`${idp}-cur`} className="mt-2 block text-xs text-zinc-500">
          {t('currencyHint')}
        </label>
        <select id={`${idp}-cur`} name="moneda" defaultValue={query.currency ?? ''} className={`${field} mt-1`}>
          <option value="">{t('allCurrencies')}</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </fieldset>
      <label htmlFor={`${idp}-stock`} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border border-zinc-200 px-3 text-sm font-medium text-zinc-800">
        <input id={`${idp}-stock`} name="stock" value="1" type="checkbox" defaultChecked={query.inStock} className="size-4 accent-violet-700" />
        {t('inStockOnly')}
      </label>
      <div>
        <label htmlFor={`${idp}-sort`} className={label}>
          {t('sortBy')}
        </label>
        <select id={`${idp}-sort`} name="orden" defaultValue={query.sort} className={field}>
          <option value="relevance">{t('relevance')}</option>
          <option value="newest">{t('newest')}</option>
          <option value="bestsellers">{t('bestsellers')}</option>
        </select>
      </div>
      <button type="submit" className="h-11 w-full rounded-xl bg-zinc-900 text-sm font-semibold text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600">
        {t('apply')}
      </button>
    </>
  );
}

function activeCount(q: TSearchProductsQuery, fixedCategory?: boolean) {
  return [q.category && !fixedCategory, q.store, q.minPrice !== undefined, q.maxPrice !== undefined, q.currency, q.inStock, q.sort !== 'relevance'].filter(Boolean).length;
}

/** Filters as a plain GET form (works without JavaScript): collapsible on phones, a sidebar on desktop. */
export async function MobileFilters(props: FilterData) {
  const t = await getTranslations('search.filters');
  const n = activeCount(props.query, props.fixedCategory);
  return (
    <details className="group rounded-2xl border border-zinc-200 bg-white lg:hidden">
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 text-sm font-semibold text-zinc-900 [&::-webkit-details-marker]:hidden">
        <span className="inline-flex items-center gap-2">
          <FilterIcon />
          {t('toggle', { count: n })}
        </span>
        <span className="text-xs font-medium text-violet-700 group-open:hidden">{t('show')}</span>
        <span className="hidden text-xs font-medium text-violet-700 group-open:inline">{t('hide')}</span>
      </summary>
      <form action={props.action ?? '/buscar'} method="get" className="space-y-4 border-t border-zinc-200 p-4">
        <FilterFields {...props} idp="m" />
      </form>
    </details>
  );
}

export async function DesktopFilters(props: FilterData) {
  const t = await getTranslations('search.filters');
  return (
    <aside aria-label={t('title')} className="hidden lg:block">
      <form action={props.action ?? '/buscar'} method="get" className="sticky top-24 space-y-5 rounded-2xl border border-zinc-200 bg-white p-5">
        <h2 className="text-base font-semibold text-zinc-900">{t('title')}</h2>
        <FilterFields {...props} idp="d" />
      </form>
    </aside>
  );
}

/** Removable chips for the filters in effect. */
export async function ActiveFilters({ query, categories, stores, fixedCategory }: FilterData) {
  const t = await getTranslations('search.filters');
  const locale = (await getLocale());
  const chips: Array<{ label: string; href: string }> = [];
  const amount = (n: number) => `${n}${query.currency ? ` ${query.currency}` : ''}`;
  const without = (patch: Partial<TSearchProductsQuery>) => searchHref({ ...query, ...patch, page: 1 });
  if (query.category && !fixedCategory) chips.push({ label: categories.find((c) => c.slug === query.category)?.[locale === 'en' ? 'nameEn' : 'nameEs'] ?? query.category, href: without({ category: undefined }) });
  if (query.store) chips.push({ label: stores.find((s) => s.slug === query.store)?.name ?? query.store, href: without({ store: undefined }) });
  if (query.minPrice !== undefined) chips.push({ label: t('from', { amount: amount(query.minPrice) }), href: without({ minPrice: undefined }) });
  if (query.maxPrice !== undefined) chips.push({ label: t('to', { amount: amount(query.maxPrice) }), href: without({ maxPrice: undefined }) });
  if (query.currency) chips.push({ label: t('currency', { currency: query.currency }), href: without({ currency: undefined }) });
  if (query.inStock) chips.push({ label: t('inStock'), href: without({ inStock: false }) });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('active')}>
      {chips.map((c) => (
        <li key={c.label}>
          <Link
            href={c.href}
            className="inline-flex h-8 items-center gap-1.5 rounded-full bg-violet-50 px-3 text-sm font-medium text-violet-800 ring-1 ring-inset ring-violet-200 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-violet-600"
          >
            {c.label}
            <span aria-hidden="true">×</span>
            <span className="sr-only">{t('remove')}</span>
          </Link>
        </li>
      ))}
      <li>
        <Link href={searchHref({ q: query.q })} className="inline-flex h-8 items-center px-2 text-sm font-medium text-zinc-600 underline-offset-2 hover:underline">
          {t('clear')}
        </Link>
      </li>
    </ul>
  );
}
