import { ServerImage } from '@/components/ui/server-image';
import { getTranslations } from 'next-intl/server';
import type { ImageRef } from '@/server/services/catalog/types';

/**
 * Product photos without JavaScript: a swipeable scroll-snap strip on phones, a grid on larger screens.
 * The first photo is the page's LCP image.
 */
export async function ProductGallery({ images, title }: { images: ImageRef[]; title: string }) {
  const t = await getTranslations('catalog.product');
  if (images.length === 0) {
    return (
      <div className="flex aspect-square items-center justify-center rounded-3xl bg-zinc-100 text-6xl font-black text-zinc-300" aria-hidden="true">
        {title.slice(0, 1)}
      </div>
    );
  }
  return (
    <div>
      {/* Focusable so keyboard users can scroll the photo strip with the arrow keys (axe: scrollable-region-focusable). */}
      <ul
        aria-label={t('photosOf', { title })}
        tabIndex={0}
        className="-mx-4 flex focus-visible:outline-2 focus-visible:outline-violet-600 snap-x snap-mandatory gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none] md:mx-0 md:grid md:grid-cols-2 md:gap-3 md:overflow-visible md:px-0"
      >
        {images.map((img, i) => (
          <li
            key={img.url}
            className={`relative aspect-square w-[88%] shrink-0 snap-center overflow-hidden rounded-3xl bg-zinc-100 ring-1 ring-inset ring-black/5 md:w-auto ${
              i === 0 ? 'md:col-span-2' : ''
            } ${images.length === 1 ? 'w-full' : ''}`}
          >
            <ServerImage
              src={img.url}
              alt={img.alt || t('photoN', { title, n: i + 1 })}
              fill
              priority={i === 0}
              sizes={i === 0 ? '(min-width: 768px) 560px, 88vw' : '(min-width: 768px) 280px, 88vw'}
              className="object-cover"
            />
            {images.length > 1 && (
              <span className="absolute bottom-3 right-3 rounded-full bg-black/55 px-2 py-0.5 text-xs font-medium text-white md:hidden">
                {i + 1} / {images.length}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
