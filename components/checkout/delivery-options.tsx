'use client';

import { useTranslations } from 'next-intl';
import { useMoney } from '@/components/ui/use-money';
import type { CheckoutQuote } from '@/server/services/checkout/schemas';

type StoreQuote = CheckoutQuote['stores'][number];

/** Radio list of a store's delivery options, with what is missing for free shipping and where to pick up. */
export function DeliveryOptions({
  store,
  selectedId,
  error,
  onChoose,
}: {
  store: StoreQuote;
  /** The buyer's pick, shown at once while the quote for it is still loading. */
  selectedId: string | null;
  error?: string;
  onChoose: (optionId: string) => void;
}) {
  const t = useTranslations('checkout.delivery');
  const formatMoney = useMoney();
  const feeLabel = (option: StoreQuote['deliveryOptions'][number], currency: string) => (option.fee === 0 ? t('free') : formatMoney(option.fee, currency));
  const name = `delivery-${store.storeId}`;
  if (store.deliveryOptions.length === 0) {
    return <p className="rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('none')}</p>;
  }
  const net = store.subtotal - store.discount;
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-2 text-sm font-semibold text-zinc-900">{t('legend')}</legend>
      <div className="space-y-2">
        {store.deliveryOptions.map((o) => {
          const checked = (selectedId ?? store.deliveryOptionId) === o.id;
          const missing = o.kind === 'free_over' && o.freeOver !== null && o.fee > 0 ? o.freeOver - net : null;
          return (
            <label
              key={o.id}
              className={`flex cursor-pointer gap-3 rounded-2xl border p-3 transition ${checked ? 'border-violet-600 bg-violet-50/60 ring-1 ring-violet-600' : 'border-zinc-200 hover:border-zinc-400'}`}
            >
              <input type="radio" name={name} value={o.id} checked={checked} onChange={() => onChoose(o.id)} className="mt-1 size-4 accent-violet-700" />
              <span className="min-w-0 flex-1 text-sm">
                <span className="flex items-start justify-between gap-2">
                  <span className="font-medium text-zinc-900">{o.label}</span>
                  <span className={`shrink-0 font-semibold tabular-nums ${o.fee === 0 ? 'text-emerald-700' : 'text-zinc-900'}`}>{feeLabel(o, store.currency)}</span>
                </span>
                {o.details && <span className="mt-0.5 block text-zinc-600">{o.details}</span>}
                {o.kind === 'free_over' && o.freeOver !== null && (
                  <span className="mt-0.5 block text-xs text-zinc-600">
                    {missing !== null && missing > 0
                      ? t('missingForFree', { threshold: formatMoney(o.freeOver, store.currency), missing: formatMoney(missing, store.currency) })
                      : t('freeOver', { threshold: formatMoney(o.freeOver, store.currency) })}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
