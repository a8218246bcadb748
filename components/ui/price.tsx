import { fillTemplate, type PriceLabels } from '@/components/product/offer-labels';
import { discountPercent, formatMoney, moneyKey, type MoneyTexts } from './money';

const SIZES = {
  sm: { price: 'text-sm font-semibold', compare: 'text-xs', badge: 'text-xs' },
  md: { price: 'text-base font-semibold', compare: 'text-sm', badge: 'text-xs' },
  lg: { price: 'text-3xl font-bold tracking-tight', compare: 'text-base', badge: 'text-sm' },
} as const;

/** Price with the compare-at price struck through and the saving; labels from priceLabels() (server or client). */
export function Price({
  amount,
  currency,
  compareAt,
  size = 'md',
  from = false,
  labels,
  texts,
}: {
  amount: number;
  currency: string;
  compareAt?: number | null;
  size?: keyof typeof SIZES;
  /** Prefix "Desde"/"From" when variants have different prices. */
  from?: boolean;
  labels: PriceLabels;
  /** Amounts the server formatted (moneyTexts): used instead of Intl when they match, so hydrating formats nothing. */
  texts?: MoneyTexts;
}) {
  const s = SIZES[size];
  const { locale } = labels;
  const money = (minor: number) => texts?.[moneyKey(minor, currency)] ?? formatMoney(minor, currency, locale);
  const pct = discountPercent(amount, compareAt);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
      {from && <span className="text-xs font-normal text-zinc-500">{labels.from}</span>}
      <span className={`${s.price} text-zinc-900`}>{money(amount)}</span>
      {pct !== null && compareAt ? (
        <>
          <s className={`${s.compare} text-zinc-500`} aria-label={fillTemplate(labels.before, { price: money(compareAt) })}>
            {money(compareAt)}
          </s>
          <span className={`${s.badge} rounded-full bg-rose-50 px-1.5 py-px font-semibold text-rose-700`}>-{pct}%</span>
        </>
      ) : null}
    </span>
  );
}
