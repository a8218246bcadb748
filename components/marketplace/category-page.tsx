import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/product/product-card';
import { DesktopFilters, MobileFilters } from '@/components/search/search-filters';
import { CategoryChips } from '@/components/ui/category-chips';
import { ArrowRightIcon } from '@/components/ui/icons';
import { listCategoriesCached, listPublicStoresCached, searchProductsCached } from '@/server/cache/catalog';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { localeAlternates, OG_LOCALE } from '@/server/i18n/seo';
import { searchHref, searchInputFromParams } from '@/server/services/catalog/schemas';

export async function categoryMetadata(locale: Locale, category: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'catalog.category' });
  const cat = (await listCategoriesCached()).find((c) => c.slug === category);
  if (!cat) return { title: t('notFound') };
  const name = locale === 'en' ? cat.nameEn : cat.nameEs;
  return {
    title: name,
    description: t('metaDescription', { count: cat.productCount, name: name.toLowerCase() }),
    alternates: localeAlternates(locale, `/c/${cat.slug}`),
    openGraph: { title: name, locale: OG_LOCALE[locale], images: cat.image ? [cat.image.url] : undefined },
  };
}

/** Category landing in one language: static, rebuilt in the background; filtering and further pages go to /buscar. */
export async function CategoryPage({ locale, category }: { locale: Locale; category: string }) {
  const categories = await listCategoriesCached();
  const cat = categories.find((c) => c.slug === category);
  if (!cat) notFound();
  const t = await getTranslations({ locale, namespace: 'catalog' });
  const name = locale === 'en' ? cat.nameEn : cat.nameEs;
  const query = searchInputFromParams({}, { category: cat.slug, sort: 'bestsellers' });
  const [result, stores] = await Promise.all([searchProductsCached(query), listPublicStoresCached()]);
  const filterData = { query, categories, stores, fixedCategory: true };

  return (
    <main className="mx-auto max-w-6xl px-4 pb-4 pt-6">
      <nav aria-label={t('breadcrumb')} className="text-sm text-zinc-500">
        <Link href={localizedPath(locale, '/')} className="hover:text-zinc-900 hover:underline">
          {t('homeCrumb')}
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="text-zinc-900">{name}</span>
      </nav>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-900">{name}</h1>
        <p className="text-sm text-zinc-500">{t('productCount', { count: cat.productCount })}</p>
      </div>
      <div className="mt-5">
        <CategoryChips categories={categories} activeSlug={cat.slug} />
      </div>
      <div className="mt-6 lg:grid lg:grid-cols-[260px_1fr] lg:gap-8">
        <DesktopFilters {...filterData} />
        <div className="min-w-0 space-y-4">
          <MobileFilters {...filterData} />
          <h2 className="text-lg font-semibold text-zinc-900">{t('category.bestsellersIn', { name: name.toLowerCase() })}</h2>
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} priorityFirst />
          ) : (
            <p className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-zinc-600">{t('category.empty')}</p>
          )}
          {result.total > result.items.length && (
            <div className="pt-6 text-center">
              <Link
                href={searchHref({ ...query, page: 2 })}
                className="inline-flex h-12 items-center gap-2 rounded-full border border-zinc-300 px-6 text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
              >
                {t('category.more', { name: name.toLowerCase() })}
                <ArrowRightIcon />
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
