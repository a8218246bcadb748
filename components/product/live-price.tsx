'use client';

import type { MoneyTexts } from '@/components/ui/money';
import { Price } from '@/components/ui/price';
import type { PriceLabels } from './offer-labels';
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
  labels,
  texts,
}: {
  productId: string;
  currency: string;
  price: number;
  compareAt: number | null;
  inStock: boolean;
  /** priceLabels() plus the two stock words. */
  labels: PriceLabels & { unavailable: string; soldOut: string };
  /** The cached price and compare-at price as the server formatted them (moneyTexts). */
  texts?: MoneyTexts;
}) {
  const offer = useLiveOffer(productId);
  if (offer === null) return <p className="text-sm font-medium text-zinc-500">{labels.unavailable}</p>;
  const amount = offer?.priceMin ?? price;
  const compare = offer ? offer.compareAtPrice : compareAt;
  const available = offer ? offer.available > 0 : inStock;
  const varies = offer ? new Set(offer.variants.map((v) => v.price)).size > 1 : false;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Price amount={amount} currency={offer?.currency ?? currency} compareAt={compare} size="sm" from={varies} labels={labels} texts={texts} />
      {!available && <span className="rounded-full bg-zinc-900/80 px-2 py-px text-[11px] font-semibold uppercase tracking-wide text-white">{labels.soldOut}</span>}
    </div>
  );
}
