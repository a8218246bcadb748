import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/product/product-card';
import { DesktopFilters, MobileFilters } from '@/components/search/search-filters';
import { CategoryChips } from '@/components/ui/category-chips';
import { ArrowRightIcon } from '@/components/ui/icons';
import { listCategoriesCached, listPublicStoresCached, searchProductsCached } from '@/server/cache/catalog';
import { searchHref, searchInputFromParams } from '@/server/services/catalog/schemas';

/** Category landing: static, rebuilt in the background; filtering and further pages go to /buscar. */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ category: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params;
  const cat = (await listCategoriesCached()).find((c) => c.slug === category);
  if (!cat) return { title: 'Categoría no encontrada' };
  return {
    title: cat.nameEs,
    description: `${cat.productCount} productos de ${cat.nameEs.toLowerCase()} de tiendas independientes de Latinoamérica.`,
    openGraph: cat.image ? { images: [cat.image.url] } : undefined,
  };
}

export default async function CategoryPage({ params }: Props) {
  const { category } = await params;
  const categories = await listCategoriesCached();
  const cat = categories.find((c) => c.slug === category);
  if (!cat) notFound();
  const query = searchInputFromParams({}, { category: cat.slug, sort: 'bestsellers' });
  const [result, stores] = await Promise.all([searchProductsCached(query), listPublicStoresCached()]);
  const filterData = { query, categories, stores, fixedCategory: true };

  return (
    <main className="mx-auto max-w-6xl px-4 pb-4 pt-6">
      <nav aria-label="Ruta" className="text-sm text-zinc-500">
        <Link href="/" className="hover:text-zinc-900 hover:underline">
          Inicio
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="text-zinc-900">{cat.nameEs}</span>
      </nav>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-900">{cat.nameEs}</h1>
        <p className="text-sm text-zinc-500">{cat.productCount} productos</p>
      </div>
      <div className="mt-5">
        <CategoryChips categories={categories} activeSlug={cat.slug} />
      </div>
      <div className="mt-6 lg:grid lg:grid-cols-[260px_1fr] lg:gap-8">
        <DesktopFilters {...filterData} />
        <div className="min-w-0 space-y-4">
          <MobileFilters {...filterData} />
          <h2 className="text-lg font-semibold text-zinc-900">Los más vendidos en {cat.nameEs.toLowerCase()}</h2>
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} priorityFirst />
          ) : (
            <p className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-zinc-600">Aún no hay productos en esta categoría.</p>
          )}
          {result.total > result.items.length && (
            <div className="pt-6 text-center">
              <Link
                href={searchHref({ ...query, page: 2 })}
                className="inline-flex h-12 items-center gap-2 rounded-full border border-zinc-300 px-6 text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
              >
                Ver más productos de {cat.nameEs.toLowerCase()}
                <ArrowRightIcon />
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
