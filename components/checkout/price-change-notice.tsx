'use client';

import { useTranslations } from 'next-intl';
import { useMoney } from '@/components/ui/use-money';
import type { CheckoutQuote } from '@/server/services/checkout/schemas';

export type PriceChange = { before: CheckoutQuote['stores']; after: CheckoutQuote; sentTotal: number };

/** The prices moved between showing the total and paying: what changed, the new total, and an explicit confirm. */
export function PriceChangeNotice({ change, busy, onConfirm, onDismiss }: { change: PriceChange; busy: boolean; onConfirm: (newTotal: number) => void; onDismiss: () => void }) {
  const t = useTranslations('checkout.priceChange');
  const formatMoney = useMoney();
  const beforeItems = new Map(change.before.flatMap((s) => s.items.map((i) => [i.variantId, i] as const)));
  const currency = change.after.currency ?? change.after.stores[0]?.currency ?? 'USD';
  const changed = change.after.stores.flatMap((s) =>
    s.items
      .map((i) => ({ item: i, old: beforeItems.get(i.variantId) }))
      .filter(({ item, old }) => !old || old.unitPrice !== item.unitPrice)
      .map(({ item, old }) => ({ ...item, oldPrice: old?.unitPrice ?? null, currency: s.currency })),
  );
  const shippingChanged = change.after.stores.filter((s) => {
    const old = change.before.find((b) => b.storeId === s.storeId);
    return old && (old.shippingFee !== s.shippingFee || old.discount !== s.discount);
  });
  return (
    <div role="alertdialog" aria-labelledby="price-change-h" className="rounded-2xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-inset ring-amber-300" data-testid="price-change">
      <h2 id="price-change-h" className="text-base font-semibold">
        {t('title')}
      </h2>
      <ul className="mt-2 space-y-1">
        {changed.map((i) => (
          <li key={i.variantId} className="flex justify-between gap-2">
            <span className="min-w-0 truncate">{i.title}</span>
            <span className="shrink-0 tabular-nums">
              {i.oldPrice !== null && <s className="mr-1 text-amber-800/70">{formatMoney(i.oldPrice, i.currency)}</s>}
              <strong>{formatMoney(i.unitPrice, i.currency)}</strong>
            </span>
          </li>
        ))}
        {shippingChanged.map((s) => (
          <li key={s.storeId} className="flex justify-between gap-2">
            <span>{t('shippingOf', { store: s.storeName })}</span>
            <strong className="tabular-nums">{formatMoney(s.shippingFee - s.discount, s.currency)}</strong>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex justify-between border-t border-amber-200 pt-2">
        <span>
          {t('before')} <s className="tabular-nums">{formatMoney(change.sentTotal, currency)}</s>
        </span>
        <span>
          {t('now')} <strong className="tabular-nums">{formatMoney(change.after.total, currency)}</strong>
        </span>
      </p>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => onConfirm(change.after.total)}
          className="h-11 flex-1 rounded-xl bg-zinc-900 px-4 font-semibold text-white hover:bg-zinc-700 disabled:opacity-60"
        >
          {t('confirm', { amount: formatMoney(change.after.total, currency) })}
        </button>
        <button type="button" onClick={onDismiss} className="h-11 rounded-xl border border-amber-300 bg-white px-4 font-medium">
          {t('review')}
        </button>
      </div>
    </div>
  );
}
