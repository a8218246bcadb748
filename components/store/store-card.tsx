import { ServerImage } from '@/components/ui/server-image';
import { IntentLink } from '@/components/ui/intent-link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { VerifiedIcon } from '@/components/ui/icons';
import type { FeaturedStore } from '@/server/services/catalog/get-marketplace-home';
import { brandStyle } from './brand';

/** A featured store on the marketplace: three product photos, logo, name and a line of description. */
export async function StoreCard({ store }: { store: FeaturedStore }) {
  const previews = store.previews.slice(0, 3);
  const t = await getTranslations('catalog');
  const locale = (await getLocale()) as Locale;
  return (
    <article
      style={brandStyle(store.brandColor)}
      className="group relative flex h-full flex-col overflow-hidden rounded-3xl border border-zinc-200 bg-white shadow-sm transition hover:shadow-md"
    >
      <div className="grid h-36 grid-cols-3 gap-0.5 bg-brand">
        {previews.map((img, i) => (
          <div
            key={img.url}
            className={`relative overflow-hidden ${previews.length === 1 ? 'col-span-3' : i === 0 && previews.length === 2 ? 'col-span-2' : ''}`}
          >
            <ServerImage
              src={img.url}
              alt=""
              fill
              sizes="(min-width: 1024px) 120px, 30vw"
              className="object-cover transition duration-300 group-hover:scale-105"
            />
          </div>
        ))}
      </div>
      <div className="relative flex flex-1 flex-col px-4 pb-4">
        <div className="-mt-7 mb-2 size-14 overflow-hidden rounded-full bg-white ring-4 ring-white shadow">
          {store.logo ? (
            <ServerImage src={store.logo.url} alt="" width={56} height={56} className="size-full object-cover" />
          ) : (
            <span className="flex size-full items-center justify-center bg-brand font-bold text-[var(--brand-ink)]">
              {store.name.slice(0, 1)}
            </span>
          )}
        </div>
        <h3 className="flex items-center gap-1 font-semibold text-zinc-900">
          <IntentLink
            href={localizedPath(locale, `/s/${store.slug}`)}
            className="after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-violet-600"
          >
            {store.name}
          </IntentLink>
          {store.verified && (
            <span className="text-brand" title={t('verified')}>
              <VerifiedIcon />
              <span className="sr-only">{t('verified')}</span>
            </span>
          )}
        </h3>
        <p className="mt-1 line-clamp-2 text-sm text-zinc-600">{store.description}</p>
        <p className="mt-auto pt-3 text-xs font-medium text-zinc-500">{t('productCount', { count: store.productCount })}</p>
      </div>
    </article>
  );
}
