import { ServerImage } from '@/components/ui/server-image';
import Link from 'next/link';
import { ProductGrid } from '@/components/product/product-card';
import { StoreCard } from '@/components/store/store-card';
import { CategoryChips } from '@/components/ui/category-chips';
import { ArrowRightIcon, SearchIcon, ShieldIcon, VerifiedIcon, WhatsAppIcon } from '@/components/ui/icons';
import { SectionHeader } from '@/components/ui/section-header';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getMarketplaceHomeCached } from '@/server/cache/catalog';
import type { Locale } from '@/server/i18n/config';
import { localeAlternates, OG_LOCALE } from '@/server/i18n/seo';

const POPULAR = ['alpaca', 'café de especialidad', 'mole negro', 'bikini', 'lapislázuli', 'zapatillas'];

export async function homeMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'catalog.home' });
  return {
    title: { absolute: t('metaTitle') },
    description: t('metaDescription'),
    alternates: localeAlternates(locale, '/'),
    openGraph: { title: t('metaTitle'), description: t('metaDescription'), locale: OG_LOCALE[locale], type: 'website', siteName: 'VITA' },
  };
}

/** The marketplace front page in one language (static; app/(marketplace)/page.tsx and app/en/page.tsx). */
export async function HomePage({ locale }: { locale: Locale }) {
  const [home, t] = await Promise.all([getMarketplaceHomeCached(), getTranslations({ locale, namespace: 'catalog.home' })]);
  const c = await getTranslations({ locale, namespace: 'common' });
  const collage = home.featuredProducts.filter((p) => p.image).slice(0, 4);
  return (
    <main>
      <section className="relative overflow-hidden bg-gradient-to-br from-violet-950 via-violet-800 to-fuchsia-700 text-white">
        <div
          className="absolute inset-0 opacity-30"
          style={{ backgroundImage: 'radial-gradient(circle at 15% 20%, rgba(255,255,255,.25) 0, transparent 30%), radial-gradient(circle at 90% 80%, rgba(253,186,116,.35) 0, transparent 35%)' }}
          aria-hidden="true"
        />
        <div className="relative mx-auto grid max-w-6xl items-center gap-10 px-4 py-10 sm:py-14 lg:grid-cols-[1.1fr_1fr] lg:py-16">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full bg-white/10 px-3 py-1 text-xs font-semibold uppercase tracking-wider text-violet-100 ring-1 ring-inset ring-white/20">
              {t('kicker')}
            </p>
            <h1 className="mt-4 text-[2rem] font-extrabold leading-[1.1] tracking-tight sm:text-5xl">
              {t('title')}
            </h1>
            <p className="mt-4 max-w-xl text-base text-violet-100 sm:text-lg">
              {t('lead')}
            </p>
            <form action="/buscar" method="get" role="search" className="relative mt-6 max-w-xl">
              <label htmlFor="hero-q" className="sr-only">
                {c('searchProducts')}
              </label>
              <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
              <input
                id="hero-q"
                name="q"
                type="search"
                placeholder={t('searchPlaceholder')}
                className="h-14 w-full rounded-2xl border-0 bg-white pl-12 pr-28 text-base text-zinc-900 shadow-xl outline-none ring-violet-300 placeholder:text-zinc-400 focus:ring-4"
              />
              <button
                type="submit"
                className="absolute right-2 top-1/2 h-10 -translate-y-1/2 rounded-xl bg-violet-700 px-5 text-sm font-semibold text-white hover:bg-violet-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
              >
                {c('search')}
              </button>
            </form>
            <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-violet-200">{t('popular')}</span>
              {POPULAR.map((q) => (
                <Link
                  key={q}
                  href={`/buscar?q=${encodeURIComponent(q)}`}
                  className="rounded-full bg-white/10 px-3 py-1 font-medium text-white ring-1 ring-inset ring-white/20 hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-white"
                >
                  {q}
                </Link>
              ))}
            </div>
          </div>
          {collage.length === 4 && (
            <div className="hidden grid-cols-2 gap-3 lg:grid" aria-hidden="true">
              {collage.map((p, i) => (
                <div key={p.id} className={`relative aspect-square overflow-hidden rounded-3xl shadow-2xl ring-1 ring-white/20 ${i % 2 ? 'translate-y-6' : ''}`}>
                  <ServerImage src={p.image!.url} alt="" fill sizes="240px" className="object-cover" />
                </div>
              ))}
            </div>
          )}
        </div>
      </section>

      <div className="border-b border-zinc-200 bg-white">
        <ul className="mx-auto grid max-w-6xl grid-cols-1 gap-3 px-4 py-4 text-sm text-zinc-700 sm:grid-cols-3">
          <li className="flex items-center gap-2.5">
            <VerifiedIcon className="size-5 text-violet-700" />
            {t('trustVerified')}
          </li>
          <li className="flex items-center gap-2.5">
            <WhatsAppIcon className="size-5 text-emerald-700" />
            {t('trustWhatsapp')}
          </li>
          <li className="flex items-center gap-2.5">
            <ShieldIcon className="size-5 text-violet-700" />
            {t('trustLive')}
          </li>
        </ul>
      </div>

      <div className="mx-auto max-w-6xl space-y-14 px-4 pt-10">
        <section aria-labelledby="cats">
          <SectionHeader id="cats" title={t('categories')} href="/buscar" linkLabel={t('all')} />
          <CategoryChips categories={home.categories} />
        </section>

        {home.featuredStores.length > 0 && (
          <section aria-labelledby="stores">
            <SectionHeader id="stores" title={t('featuredStores')} subtitle={t('featuredStoresSub')} />
            <ul className="-mx-4 flex snap-x gap-4 overflow-x-auto px-4 pb-2 [scrollbar-width:none] sm:mx-0 sm:grid sm:grid-cols-2 sm:overflow-visible sm:px-0 lg:grid-cols-4">
              {home.featuredStores.slice(0, 8).map((s) => (
                <li key={s.id} className="w-72 shrink-0 snap-start sm:w-auto">
                  <StoreCard store={s} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {home.featuredProducts.length > 0 && (
          <section aria-labelledby="featured">
            <SectionHeader id="featured" title={t('featuredProducts')} href="/buscar?orden=bestsellers" />
            <ProductGrid products={home.featuredProducts} />
          </section>
        )}

        <section aria-labelledby="newest">
          <SectionHeader id="newest" title={t('newest')} subtitle={t('newestSub')} href="/buscar?orden=newest" />
          <ProductGrid products={home.newest} />
        </section>

        <section className="overflow-hidden rounded-3xl bg-zinc-900 text-white">
          <div className="grid items-center gap-6 p-6 sm:p-10 md:grid-cols-[1.4fr_1fr]">
            <div>
              <h2 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('sellTitle')}</h2>
              <p className="mt-2 max-w-lg text-zinc-300">
                {t('sellLead')}
              </p>
            </div>
            <div className="md:text-right">
              <Link
                href="/dashboard"
                className="inline-flex h-12 items-center gap-2 rounded-full bg-white px-6 text-sm font-semibold text-zinc-900 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
              >
                {t('sellCta')}
                <ArrowRightIcon />
              </Link>
            </div>
          </div>
        </section>

        {home.bestsellers.length > 0 && (
          <section aria-labelledby="best">
            <SectionHeader id="best" title={t('bestsellers')} href="/buscar?orden=bestsellers" />
            <ProductGrid products={home.bestsellers} />
          </section>
        )}
      </div>
    </main>
  );
}
