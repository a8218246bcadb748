import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/product/product-card';
import { shareLabels } from '@/components/product/offer-labels';
import { ShareButtons } from '@/components/share/share-buttons';
import { brandStyle } from '@/components/store/brand';
import { StoreHero } from '@/components/store/store-hero';
import { ArrowRightIcon } from '@/components/ui/icons';
import { getStorePageCached } from '@/server/cache/catalog';
import { absoluteUrl } from '@/server/http/site-url';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { localeAlternates, OG_LOCALE } from '@/server/i18n/seo';

export async function storeMetadata(locale: Locale, slug: string): Promise<Metadata> {
  const page = await getStorePageCached(slug);
  if (!page) return { title: (await getTranslations({ locale, namespace: 'catalog.store' }))('notFound') };
  const description = page.store.description.slice(0, 160);
  // The Open Graph image comes from app/s/[store]/opengraph-image.tsx (both languages share it).
  const ogImage = `/s/${page.store.slug}/opengraph-image`;
  return {
    title: page.store.name,
    description,
    alternates: localeAlternates(locale, `/s/${page.store.slug}`),
    openGraph: { title: page.store.name, description, type: 'website', siteName: 'VITA', locale: OG_LOCALE[locale], images: [{ url: ogImage, width: 1200, height: 630 }] },
    twitter: { card: 'summary_large_image', title: page.store.name, description, images: [ogImage] },
  };
}

/** A store's public page in one language (ISR; app/s/[store]/page.tsx and app/en/s/[store]/page.tsx). */
export async function StorePage({ locale, slug }: { locale: Locale; slug: string }) {
  const page = await getStorePageCached(slug);
  if (!page) notFound();
  const { store, products } = page;
  const t = await getTranslations({ locale, namespace: 'catalog' });
  const url = absoluteUrl(localizedPath(locale, `/s/${store.slug}`));
  return (
    <main style={brandStyle(store.brandColor)}>
      <StoreHero store={store} />
      <div className="mx-auto mt-4 max-w-6xl px-4">
        <ShareButtons url={url} message={t('share.storeMessage', { name: store.name, url })} qrHref={`/s/${store.slug}/qr`} labels={shareLabels(await getTranslations({ locale, namespace: 'catalog.share' }))} />
      </div>
      <section aria-labelledby="store-products" className="mx-auto mt-10 max-w-6xl px-4">
        <div className="mb-4 flex items-end justify-between gap-3">
          <h2 id="store-products" className="text-xl font-bold tracking-tight text-zinc-900">
            {t('store.products')}
          </h2>
          <Link href={`/buscar?tienda=${store.slug}`} className="inline-flex items-center gap-1 text-sm font-semibold text-brand hover:underline">
            {t('store.searchInStore')}
            <ArrowRightIcon />
          </Link>
        </div>
        {products.length > 0 ? (
          <ProductGrid products={products} priorityFirst showStore={false} />
        ) : (
          <p className="rounded-2xl border border-dashed border-zinc-300 p-10 text-center text-zinc-600">{t('store.empty')}</p>
        )}
        {page.pageCount > 1 && (
          <div className="pt-8 text-center">
            <Link href={`/buscar?tienda=${store.slug}`} className="inline-flex h-12 items-center gap-2 rounded-full border border-zinc-300 px-6 text-sm font-semibold text-zinc-900 hover:bg-zinc-50">
              {t('store.seeAll', { count: store.productCount })}
              <ArrowRightIcon />
            </Link>
          </div>
        )}
      </section>
    </main>
  );
}
