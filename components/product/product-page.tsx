import type { Metadata } from 'next';
import { ServerImage } from '@/components/ui/server-image';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AskSellerLink } from '@/components/chat/ask-seller-link';
import { LiveOffer } from '@/components/product/live-offer';
import { offerLabels, shareLabels } from '@/components/product/offer-labels';
import { ProductGrid } from '@/components/product/product-card';
import { ProductGallery } from '@/components/product/product-gallery';
import { ShareButtons } from '@/components/share/share-buttons';
import { brandStyle, whatsappDigits } from '@/components/store/brand';
import { ChatIcon, ShieldIcon, TruckIcon, VerifiedIcon } from '@/components/ui/icons';
import { SectionHeader } from '@/components/ui/section-header';
import { formatMoney, moneyTexts, toMajorUnits } from '@/components/ui/money';
import { getProductPageCached } from '@/server/cache/catalog';
import { absoluteUrl } from '@/server/http/site-url';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { localeAlternates, OG_LOCALE } from '@/server/i18n/seo';

export async function productMetadata(locale: Locale, storeSlug: string, productSlug: string): Promise<Metadata> {
  const page = await getProductPageCached(storeSlug, productSlug);
  if (!page) return { title: (await getTranslations({ locale, namespace: 'catalog.product' }))('notFound') };
  const p = page.product;
  const description = `${formatMoney(p.priceMin, p.currency, locale)} · ${p.description}`.slice(0, 160);
  const path = `/s/${page.store.slug}/p/${p.slug}`;
  const ogImage = `${path}/opengraph-image`;
  return {
    title: `${p.title} — ${page.store.name}`,
    description,
    alternates: localeAlternates(locale, path),
    openGraph: { title: p.title, description, type: 'website', siteName: 'VITA', locale: OG_LOCALE[locale], images: [{ url: ogImage, width: 1200, height: 630 }] },
    twitter: { card: 'summary_large_image', title: p.title, description, images: [ogImage] },
  };
}

type ProductData = NonNullable<Awaited<ReturnType<typeof getProductPageCached>>>;

/** schema.org Product with one Offer per variant (price in major units, availability from the cached stock). */
function productJsonLd(page: ProductData, url: string) {
  const { store, product } = page;
  const offers = product.variants.map((v) => ({
    '@type': 'Offer',
    url,
    sku: v.id,
    price: toMajorUnits(v.price, product.currency).toFixed(2),
    priceCurrency: product.currency,
    availability: v.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    itemCondition: 'https://schema.org/NewCondition',
    seller: { '@type': 'Organization', name: store.name },
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description || undefined,
    image: product.images.map((i) => absoluteUrl(i.url)),
    url,
    sku: product.id,
    brand: { '@type': 'Brand', name: store.name },
    category: product.category?.nameEs,
    offers: offers.length === 1 ? offers[0] : offers,
  };
}

/** A product page in one language (ISR; app/s/[store]/p/[product]/page.tsx and its /en twin). */
export async function ProductPage({ locale, storeSlug, productSlug }: { locale: Locale; storeSlug: string; productSlug: string }) {
  const page = await getProductPageCached(storeSlug, productSlug);
  if (!page) notFound();
  const { store, product, related } = page;
  const t = await getTranslations({ locale, namespace: 'catalog' });
  const [tOffer, tCart, tShare] = await Promise.all(['catalog.offer', 'catalog.addToCart', 'catalog.share'].map((namespace) => getTranslations({ locale, namespace })));
  const storeHref = localizedPath(locale, `/s/${store.slug}`);
  const url = absoluteUrl(localizedPath(locale, `/s/${store.slug}/p/${product.slug}`));
  // JSON inside <script>: escape "<" so a product text can never close the tag.
  const jsonLd = JSON.stringify(productJsonLd(page, url)).replace(/</g, '\\u003c');

  return (
    <main style={brandStyle(store.brandColor)} className="mx-auto max-w-6xl px-4 pt-4">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <nav aria-label={t('breadcrumb')} className="flex flex-wrap items-center gap-1 text-sm text-zinc-500">
        <Link href={localizedPath(locale, '/')} className="hover:text-zinc-900 hover:underline">
          {t('homeCrumb')}
        </Link>
        <span aria-hidden="true">/</span>
        {product.category && (
          <>
            <Link href={localizedPath(locale, `/c/${product.category.slug}`)} className="hover:text-zinc-900 hover:underline">
              {locale === 'en' ? product.category.nameEn : product.category.nameEs}
            </Link>
            <span aria-hidden="true">/</span>
          </>
        )}
        <Link href={storeHref} className="hover:text-zinc-900 hover:underline">
          {store.name}
        </Link>
      </nav>

      <div className="mt-4 grid gap-8 md:grid-cols-[1.15fr_1fr] lg:gap-12">
        <ProductGallery images={product.images} title={product.title} />

        <div className="md:sticky md:top-24 md:self-start">
          <Link href={storeHref} className="group inline-flex items-center gap-2 rounded-full py-1 pr-3 text-sm font-medium text-zinc-700 hover:text-zinc-900">
            <span className="relative size-8 overflow-hidden rounded-full bg-brand ring-1 ring-black/5">
              {store.logo && <ServerImage src={store.logo.url} alt="" fill sizes="32px" className="object-cover" />}
            </span>
            <span className="group-hover:underline">{store.name}</span>
            {store.verified && (
              <span className="text-brand" title={t('verified')}>
                <VerifiedIcon />
                <span className="sr-only">{t('verified')}</span>
              </span>
            )}
          </Link>
          <h1 className="mt-2 text-2xl font-bold leading-tight tracking-tight text-zinc-900 sm:text-3xl">{product.title}</h1>

          <div className="mt-5">
            <LiveOffer
              productId={product.id}
              title={product.title}
              currency={product.currency}
              options={product.options}
              variants={product.variants}
              storeName={store.name}
              whatsapp={whatsappDigits(store.whatsapp)}
              labels={offerLabels(locale, tOffer!, tCart!)}
              texts={moneyTexts(product.variants.flatMap((v) => [v.price, v.compareAtPrice]), product.currency, locale)}
            />
          </div>
          <AskSellerLink storeId={store.id} productId={product.id} label={t('product.askSeller')} className="mt-3 inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-full px-4 text-sm font-semibold text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50" />

          <ul className="mt-6 space-y-3 rounded-2xl bg-zinc-50 p-4 text-sm text-zinc-700">
            <li className="flex gap-3">
              <ChatIcon className="size-5 shrink-0 text-zinc-500" />
              {t('product.coordinate', { store: store.name })}
            </li>
            <li className="flex gap-3">
              <TruckIcon className="size-5 shrink-0 text-zinc-500" />
              {t('product.pricesIn', { currency: product.currency })}
            </li>
            <li className="flex gap-3">
              <ShieldIcon className="size-5 shrink-0 text-zinc-500" />
              {store.verified ? t('product.verifiedNote') : t('product.unverifiedNote')}
            </li>
          </ul>

          <div className="mt-6">
            <ShareButtons url={url} message={t('share.productMessage', { title: product.title, url })} labels={shareLabels(tShare!)} />
          </div>

          <section aria-labelledby="desc" className="mt-8">
            <h2 id="desc" className="text-base font-semibold text-zinc-900">
              {t('product.description')}
            </h2>
            <div className="mt-2 whitespace-pre-line text-[15px] leading-relaxed text-zinc-700">{product.description || t('product.noDescription')}</div>
          </section>
        </div>
      </div>

      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-16">
          <SectionHeader id="related" title={t('product.moreFrom', { store: store.name })} href={storeHref} linkLabel={t('product.seeStore')} />
          <ProductGrid products={related} showStore={false} />
        </section>
      )}
    </main>
  );
}
