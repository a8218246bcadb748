import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/product/product-card';
import { brandStyle } from '@/components/store/brand';
import { StoreHero } from '@/components/store/store-hero';
import { ArrowRightIcon } from '@/components/ui/icons';
import { getStorePageCached } from '@/server/cache/catalog';

/** ISR: rebuilt in the background at most every 2 minutes; exact prices and stock come from the live island. */
export const revalidate = 120;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { store } = await params;
  const page = await getStorePageCached(store);
  if (!page) return { title: 'Tienda no encontrada' };
  const description = page.store.description.slice(0, 160);
  return {
    title: page.store.name,
    description,
    openGraph: { title: page.store.name, description, images: page.store.logo ? [page.store.logo.url] : undefined },
  };
}

export default async function StorePage({ params }: Props) {
  const { store: slug } = await params;
  const page = await getStorePageCached(slug);
  if (!page) notFound();
  const { store, products } = page;
  return (
    <main style={brandStyle(store.brandColor)}>
      <StoreHero store={store} />
      <section aria-labelledby="store-products" className="mx-auto mt-10 max-w-6xl px-4">
        <div className="mb-4 flex items-end justify-between gap-3">
          <h2 id="store-products" className="text-xl font-bold tracking-tight text-zinc-900">
            Productos
          </h2>
          <Link href={`/buscar?tienda=${store.slug}`} className="inline-flex items-center gap-1 text-sm font-semibold text-brand hover:underline">
            Buscar en la tienda
            <ArrowRightIcon />
          </Link>
        </div>
        {products.length > 0 ? (
          <ProductGrid products={products} priorityFirst showStore={false} />
        ) : (
          <p className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-zinc-600">Esta tienda aún no publicó productos.</p>
        )}
        {page.pageCount > 1 && (
          <div className="pt-8 text-center">
            <Link href={`/buscar?tienda=${store.slug}`} className="inline-flex h-12 items-center gap-2 rounded-full border border-zinc-300 px-6 text-sm font-semibold text-zinc-900 hover:bg-zinc-50">
              Ver todos los productos ({store.productCount})
              <ArrowRightIcon />
            </Link>
          </div>
        )}
      </section>
    </main>
  );
}
