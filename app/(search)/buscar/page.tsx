import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '@/components/product/product-card';
import { ActiveFilters, DesktopFilters, MobileFilters, SearchBox } from '@/components/search/search-filters';
import { Pagination } from '@/components/ui/pagination';
import { listCategoriesCached, listPublicStoresCached, searchProductsCached } from '@/server/cache/catalog';
import { searchHref, searchInputFromParams, type SearchParamsRecord } from '@/server/services/catalog/schemas';

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = searchInputFromParams(await searchParams);
  return {
    title: query.q ? `«${query.q}»` : 'Buscar productos',
    description: 'Busca entre miles de productos de tiendas independientes de Latinoamérica.',
    // Filter combinations are endless; let crawlers index only the plain query pages.
    robots: query.page > 1 || query.store || query.minPrice !== undefined || query.maxPrice !== undefined ? { index: false } : undefined,
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = searchInputFromParams(await searchParams);
  const [result, categories, stores] = await Promise.all([searchProductsCached(query), listCategoriesCached(), listPublicStoresCached()]);
  const filterData = { query, categories, stores };
  const heading = query.q ? `Resultados para «${query.q}»` : query.category ? (categories.find((c) => c.slug === query.category)?.nameEs ?? 'Productos') : 'Todos los productos';

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
                {result.totalCapped ? 'Más de ' : ''}
                {result.total.toLocaleString('es')} {result.total === 1 ? 'producto' : 'productos'}
              </p>
            </div>
            <MobileFilters {...filterData} />
            <ActiveFilters {...filterData} />
            {result.correctedQuery && (
              <p className="rounded-xl bg-violet-50 px-4 py-3 text-sm text-violet-900 ring-1 ring-inset ring-violet-200">
                Mostrando resultados para <strong>«{result.correctedQuery}»</strong>.
              </p>
            )}
            {result.relaxed && (
              <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                No encontramos productos con todas esas palabras. Te mostramos los que tienen alguna.
              </p>
            )}
          </div>
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} priorityFirst />
          ) : (
            <div className="rounded-3xl border border-dashed border-zinc-300 px-6 py-16 text-center">
              <p className="text-lg font-semibold text-zinc-900">
                {result.total > 0 ? 'Esta página ya no tiene productos' : 'No encontramos productos'}
              </p>
              <p className="mt-2 text-sm text-zinc-600">
                {result.total > 0 ? 'Vuelve a la primera página de resultados.' : 'Prueba con otras palabras, revisa la ortografía o quita algún filtro.'}
              </p>
              <Link href={result.total > 0 ? searchHref({ ...query, page: 1 }) : '/buscar'} className="mt-6 inline-flex h-11 items-center rounded-full bg-zinc-900 px-5 text-sm font-semibold text-white hover:bg-zinc-700">
                {result.total > 0 ? 'Ir a la primera página' : 'Ver todos los productos'}
              </Link>
            </div>
          )}
          <Pagination page={query.page} pageCount={result.pageCount} hrefFor={(page) => searchHref({ ...query, page })} />
        </div>
      </div>
    </main>
  );
}
