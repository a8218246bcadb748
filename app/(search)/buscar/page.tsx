import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProductGrid } from '@/components/product/product-card';
import { ActiveFilters, DesktopFilters, MobileFilters, SearchBox } from '@/components/search/search-filters';
import { Pagination } from '@/components/ui/pagination';
import { listCategoriesCached, listPublicStoresCached, searchProductsCached } from '@/server/cache/catalog';
import { searchHref, searchInputFromParams, type SearchParamsRecord } from '@/server/services/catalog/schemas';

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = searchInputFromParams(await searchParams);
  const t = await getTranslations('search');
  return {
    title: query.q ? t('titleQuery', { q: query.q }) : t('title'),
    description: t('description'),
    // Filter combinations are endless; let crawlers index only the plain query pages.
    robots: query.page > 1 || query.store || query.minPrice !== undefined || query.maxPrice !== undefined ? { index: false } : undefined,
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = searchInputFromParams(await searchParams);
  const [result, categories, stores, t, locale] = await Promise.all([
    searchProductsCached(query),
    listCategoriesCached(),
    listPublicStoresCached(),
    getTranslations('search'),
    getLocale(),
  ]);
  const filterData = { query, categories, stores };
  const category = query.category ? categories.find((c) => c.slug === query.category) : undefined;
  const heading = query.q ? t('resultsFor', { q: query.q }) : query.category ? ((locale === 'en' ? category?.nameEn : category?.nameEs) ?? t('products')) : t('allProducts');

  return (
    <main className="mx-auto max-w-6xl px-4 pb-4 pt-6">
      <div className="mx-auto max-w-2xl lg:mx-0">
        <SearchBox query={query} />
      </div>
      <div className="mt-6 lg:grid lg:grid-cols-[260px_1fr] lg:gap-8">
        <DesktopFilters {...filterData} />
        <div className="min-w-0">
          <div className="mb-4 space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h1 className="text-xl font-bold tracking-tight text-zinc-900 sm:text-2xl">{heading}</h1>
              <p className="text-sm text-zinc-500" aria-live="polite">
                {t('count', { capped: String(Boolean(result.totalCapped)), count: result.total })}
              </p>
            </div>
            <MobileFilters {...filterData} />
            <ActiveFilters {...filterData} />
            {result.correctedQuery && (
              <p className="rounded-xl bg-violet-50 px-4 py-3 text-sm text-violet-900 ring-1 ring-inset ring-violet-200">
                {t.rich('showingFor', { q: result.correctedQuery, b: (chunks) => <strong>{chunks}</strong> })}
              </p>
            )}
            {result.relaxed && (
              <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                {t('relaxed')}
              </p>
            )}
          </div>
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} priorityFirst />
          ) : (
            <div className="rounded-3xl border border-dashed border-zinc-300 px-6 py-16 text-center">
              <p className="text-lg font-semibold text-zinc-900">
                {result.total > 0 ? t('pageEmpty') : t('noResults')}
              </p>
              <p className="mt-2 text-sm text-zinc-600">
                {result.total > 0 ? t('pageEmptyHint') : t('noResultsHint')}
              </p>
              <Link href={result.total > 0 ? searchHref({ ...query, page: 1 }) : '/buscar'} className="mt-6 inline-flex h-11 items-center rounded-full bg-zinc-900 px-5 text-sm font-semibold text-white hover:bg-zinc-700">
                {result.total > 0 ? t('firstPage') : t('seeAll')}
              </Link>
            </div>
          )}
          <Pagination page={query.page} pageCount={result.pageCount} hrefFor={(page) => searchHref({ ...query, page })} />
        </div>
      </div>
    </main>
  );
}
