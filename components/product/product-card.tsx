import { ServerImage } from '@/components/ui/server-image';
import { moneyTexts } from '@/components/ui/money';
import { IntentLink } from '@/components/ui/intent-link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import type { ProductCard as TProductCard } from '@/server/services/catalog/types';
import { LivePrice } from './live-price';
import { priceLabels, type PriceLabels } from './offer-labels';

type CardLabels = PriceLabels & { unavailable: string; soldOut: string };

export const CARD_IMAGE_SIZES = '(min-width: 1024px) 260px, (min-width: 640px) 33vw, 50vw';

/** A product tile: photo, store, title and a live price line (labels from ProductGrid, computed once per grid). */
function ProductCard({
  product,
  labels,
  priority = false,
  showStore = true,
}: {
  product: TProductCard;
  labels: CardLabels;
  priority?: boolean;
  showStore?: boolean;
}) {
  const href = localizedPath(labels.locale, `/s/${product.storeSlug}/p/${product.slug}`);
  return (
    <article className="group relative flex flex-col">
      <div className="relative aspect-square overflow-hidden rounded-2xl bg-zinc-100 ring-1 ring-inset ring-black/5">
        {product.image ? (
          <ServerImage
            src={product.image.url}
            alt={product.image.alt || product.title}
            fill
            sizes={CARD_IMAGE_SIZES}
            priority={priority}
            className="object-cover transition duration-300 group-hover:scale-[1.03]"
          />
        ) : (
          <div className="flex size-full items-center justify-center text-3xl font-black text-zinc-300" aria-hidden="true">
            {product.title.slice(0, 1)}
          </div>
        )}
      </div>
      <div className="mt-2.5 flex flex-1 flex-col gap-1 px-0.5">
        {showStore && <p className="truncate text-xs font-medium text-zinc-500">{product.storeName}</p>}
        <h3 className="line-clamp-2 text-sm leading-snug text-zinc-900">
          <IntentLink
            href={href}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-violet-600"
          >
            {product.title}
          </IntentLink>
        </h3>
        <div className="mt-auto pt-0.5">
          <LivePrice
            productId={product.id}
            currency={product.currency}
            price={product.priceMin}
            compareAt={product.compareAtPrice}
            inStock={product.inStock}
            labels={labels}
            texts={moneyTexts([product.priceMin, product.compareAtPrice], product.currency, labels.locale)}
          />
        </div>
      </div>
    </article>
  );
}

/**
 * Responsive grid of product cards; `priorityFirst` marks the first photo as the page's LCP image. The labels are
 * awaited once here for all cards.
 *
 * No Suspense boundary around the grid (tried for interruptible hydration): on the server, client components inside a
 * boundary wait for their module and the boundary is streamed after the shell, swapped in by a script — a layout
 * shift, and no products without JavaScript; a cached page keeps that HTML (e2e/marketplace/browse.spec.ts).
 */
export async function ProductGrid({
  products,
  priorityFirst = false,
  showStore = true,
}: {
  products: TProductCard[];
  priorityFirst?: boolean;
  showStore?: boolean;
}) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('catalog.offer');
  const labels: CardLabels = { ...priceLabels(locale, t), unavailable: t('unavailable'), soldOut: t('soldOut') };
  return (
    <ul className="grid grid-cols-2 gap-x-3 gap-y-6 sm:grid-cols-3 sm:gap-x-5 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <div className="w-full">
            <ProductCard product={p} labels={labels} priority={priorityFirst && i === 0} showStore={showStore} />
          </div>
        </li>
      ))}
    </ul>
  );
}
