import { AskSellerLink } from '@/components/chat/ask-seller-link';
import { FollowStoreButton } from '@/components/live/follow-store-button';
import { ServerImage } from '@/components/ui/server-image';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { VerifiedIcon, WhatsAppIcon } from '@/components/ui/icons';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import type { StorePage } from '@/server/services/catalog/get-store-page';
import { whatsappDigits } from './brand';

/** Store banner in the brand colour, logo, name, description and contact. Expects brandStyle() on an ancestor. */
export async function StoreHero({ store }: { store: StorePage['store'] }) {
  const wa = whatsappDigits(store.whatsapp);
  const t = await getTranslations('catalog');
  const locale = (await getLocale());
  const tLive = await getTranslations('live');
  const message = t('store.whatsappHello', { store: store.name });
  return (
    <section aria-labelledby="store-name">
      <div className="relative h-32 overflow-hidden bg-brand sm:h-44">
        <div
          className="absolute inset-0 opacity-25"
          style={{
            backgroundImage:
              'radial-gradient(circle at 20% 20%, rgba(255,255,255,.55) 0, transparent 35%), radial-gradient(circle at 85% 70%, rgba(0,0,0,.35) 0, transparent 40%), repeating-linear-gradient(135deg, rgba(255,255,255,.12) 0 2px, transparent 2px 18px)',
          }}
          aria-hidden="true"
        />
      </div>
      <div className="mx-auto max-w-6xl px-4">
        <div className="flex items-start gap-4">
          <div className="relative -mt-10 size-20 shrink-0 overflow-hidden rounded-full bg-white ring-4 ring-white shadow-md sm:-mt-14 sm:size-28">
            {store.logo ? (
              <ServerImage src={store.logo.url} alt={store.logo.alt} fill sizes="112px" className="object-cover" />
            ) : (
              <span className="flex size-full items-center justify-center bg-brand text-2xl font-black text-[var(--brand-ink)]">
                {store.name.slice(0, 1)}
              </span>
            )}
          </div>
          <div className="min-w-0 pt-3">
            <h1 id="store-name" className="flex items-center gap-1.5 text-xl font-bold leading-tight tracking-tight text-zinc-900 sm:text-3xl">
              <span className="line-clamp-2">{store.name}</span>
              {store.verified && (
                <span className="text-brand" title={t('verified')}>
                  <VerifiedIcon className="size-5 sm:size-6" />
                  <span className="sr-only">{t('verified')}</span>
                </span>
              )}
            </h1>
            <p className="text-sm text-zinc-500">
              {t('productCount', { count: store.productCount })} · {t('store.pricesIn', { currency: store.currency })}
            </p>
          </div>
        </div>
        <p className="mt-4 max-w-3xl text-[15px] leading-relaxed text-zinc-700">{store.description}</p>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          {/* Follow state is read in the browser: the page stays cached. */}
          <FollowStoreButton storeId={store.id} nextPath={localizedPath(locale as Locale, `/s/${store.slug}`)} labels={{ follow: tLive('follow'), following: tLive('following') }} />
          {wa && (
            <a
              href={`https://wa.me/${wa}?text=${encodeURIComponent(message)}`}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex h-11 items-center gap-2 rounded-full bg-brand px-5 text-sm font-semibold text-[var(--brand-ink)] shadow-sm transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
            >
              <WhatsAppIcon />
              {t('store.whatsapp')}
            </a>
          )}
          <AskSellerLink storeId={store.id} label={t('store.askSeller')} className="inline-flex h-11 items-center gap-2 rounded-full px-5 text-sm font-semibold text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-50" />
        </div>
        {store.categories.length > 1 && (
          <nav aria-label={t('store.storeCategories')} className="mt-5 flex gap-2 overflow-x-auto pb-1 [scrollbar-width:none]">
            {store.categories.map((c) => (
              <Link
                key={c.slug}
                href={`/buscar?tienda=${store.slug}&categoria=${c.slug}`}
                className="shrink-0 rounded-full bg-zinc-100 px-3.5 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-brand"
              >
                {locale === 'en' ? c.nameEn : c.nameEs}
              </Link>
            ))}
          </nav>
        )}
      </div>
    </section>
  );
}
