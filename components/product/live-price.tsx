'use client';

import { useTranslations } from 'next-intl';
import { Price } from '@/components/ui/price';
import { useLiveOffer } from './use-live-offer';

/**
 * A product card's price line. Renders the cached values first, then the live ones (price, compare-at,
 * sold out) once the batched live-offer request answers.
 */
export function LivePrice({
  productId,
  currency,
  price,
  compareAt,
  inStock,
}: {
  productId: string;
  currency: string;
  price: number;
  compareAt: number | null;
  inStock: boolean;
}) {
  const offer = useLiveOffer(productId);
  const t = useTranslations('catalog.offer');
  if (offer === null) return <p className="text-sm font-medium text-zinc-500">{t('unavailable')}</p>;
  const amount = offer?.priceMin ?? price;
  const compare = offer ? offer.compareAtPrice : compareAt;
  const available = offer ? offer.available > 0 : inStock;
  const varies = offer ? new Set(offer.variants.map((v) => v.price)).size > 1 : false;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Price amount={amount} currency={offer?.currency ?? currency} compareAt={compare} size="sm" from={varies} />
      {!available && <span className="rounded-full bg-zinc-900/80 px-2 py-px text-[11px] font-semibold uppercase tracking-wide text-white">{t('soldOut')}</span>}
    </div>
  );
}
