'use client';

import { useEffect, useMemo, useState } from 'react';
import { AddToCart } from '@/components/cart/add-to-cart';
import type { MoneyTexts } from '@/components/ui/money';
import { Price } from '@/components/ui/price';
import { WhatsAppIcon } from '@/components/ui/icons';
import type { PublicVariant } from '@/server/services/catalog/get-product-page';
import { fillTemplate, LOW_STOCK, type OfferLabels } from './offer-labels';
import { useLiveOffer } from './use-live-offer';

type Option = { name: string; values: string[] };

function matches(v: PublicVariant, selected: Record<string, string>) {
  return Object.entries(selected).every(([k, val]) => v.options[k] === val);
}

/**
 * The product page's buy box: variant picker, exact price and stock (fetched live, the page around it is
 * cached), add to cart, and contact by WhatsApp.
 */
export function LiveOffer({
  productId,
  title,
  currency,
  options,
  variants: cachedVariants,
  storeName,
  whatsapp,
  labels,
  texts,
}: {
  productId: string;
  title: string;
  currency: string;
  options: Option[];
  variants: PublicVariant[];
  storeName: string;
  /** Digits only, with country code; null when the store has none. */
  whatsapp: string | null;
  /** offerLabels() from the server component (or the live viewer) that renders this island. */
  labels: OfferLabels;
  /** The cached variants' prices and compare-at prices as the server formatted them (moneyTexts). */
  texts?: MoneyTexts;
}) {
  const offer = useLiveOffer(productId);
  const t = labels;
  const variants = offer?.variants.length ? offer.variants : cachedVariants;
  const axes = useMemo(() => options.filter((o) => o.values.length > 0), [options]);

  const [selected, setSelected] = useState<Record<string, string>>(() => {
    const first = cachedVariants.find((v) => v.available > 0) ?? cachedVariants[0];
    return first ? { ...first.options } : {};
  });
  const [pageUrl, setPageUrl] = useState('');
  useEffect(() => setPageUrl(window.location.href.split('#')[0] ?? ''), []);

  const variant = variants.find((v) => matches(v, selected) && Object.keys(v.options).length === Object.keys(selected).length) ?? (axes.length === 0 ? variants[0] : undefined);
  const unavailable = offer === null;
  const available = unavailable ? 0 : (variant?.available ?? 0);
  const price = variant?.price ?? offer?.priceMin ?? cachedVariants[0]?.price ?? 0;
  const compareAt = variant ? variant.compareAtPrice : null;

  const variantLabel = axes.map((a) => `${a.name} ${selected[a.name] ?? ''}`.trim()).join(', ');
  const message = `${fillTemplate(t.whatsappMessage, { store: storeName, title, variant: variantLabel ? ` (${variantLabel})` : '' })}${pageUrl ? ` ${pageUrl}` : ''}`;
  const waHref = whatsapp ? `https://wa.me/${whatsapp}?text=${encodeURIComponent(message)}` : null;

  return (
    <div className="space-y-6">
      <div>
        <Price amount={price} currency={offer?.currency ?? currency} compareAt={compareAt} size="lg" labels={labels} texts={texts} />
        <p className="mt-2 flex items-center gap-2 text-sm" aria-live="polite">
          {unavailable ? (
            <span className="font-medium text-zinc-600">{t.gone}</span>
          ) : !variant ? (
            <span className="text-zinc-600">{t.pickOption}</span>
          ) : available <= 0 ? (
            <>
              <span className="size-2 rounded-full bg-rose-500" aria-hidden="true" />
              <span className="font-medium text-rose-700">{variantLabel ? t.soldOutOption : t.soldOut}</span>
            </>
          ) : available <= LOW_STOCK ? (
            <>
              <span className="size-2 rounded-full bg-amber-500" aria-hidden="true" />
              <span className="font-medium text-amber-800">{t.fewLeft[available - 1]}</span>
            </>
          ) : (
            <>
              <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
              <span className="font-medium text-emerald-800">{t.inStock}</span>
            </>
          )}
          {offer === undefined && <span className="sr-only">{t.checking}</span>}
        </p>
      </div>

      {axes.map((axis) => (
        <fieldset key={axis.name}>
          <legend className="mb-2 text-sm text-zinc-600">
            {axis.name}: <span className="font-semibold text-zinc-900">{selected[axis.name] ?? '—'}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {axis.values.map((value) => {
              const next = { ...selected, [axis.name]: value };
              const candidates = variants.filter((v) => matches(v, next));
              const soldOut = candidates.length > 0 && candidates.every((v) => v.available <= 0);
              const active = selected[axis.name] === value;
              return (
                <button
                  key={value}
                  type="button"
                  aria-pressed={active}
                  onClick={() => setSelected(next)}
                  className={`min-h-11 min-w-11 rounded-xl border px-3.5 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 ${
                    active ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-zinc-300 bg-white text-zinc-800 hover:border-zinc-500'
                  } ${soldOut ? (active ? 'opacity-70' : 'text-zinc-400 line-through decoration-zinc-400') : ''}`}
                >
                  {value}
                  {soldOut && <span className="sr-only">{t.soldOutSr}</span>}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}

      <div className="space-y-3">
        <AddToCart
          variantId={unavailable ? null : (variant?.id ?? null)}
          available={available}
          disabledReason={unavailable ? t.unavailable : !variant ? t.pickOptionShort : null}
          labels={t.addToCart}
          soldOutLabel={t.soldOut}
        />
        {waHref ? (
          <a
            href={waHref}
            target="_blank"
            rel="noopener noreferrer"
            className="flex h-12 w-full items-center justify-center gap-2 rounded-2xl bg-emerald-700 text-sm font-semibold text-white shadow-sm transition hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
          >
            <WhatsAppIcon />
            {t.whatsapp}
          </a>
        ) : null}
      </div>
    </div>
  );
}
