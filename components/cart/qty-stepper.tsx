'use client';

import { useTranslations } from 'next-intl';

/** − n + control; `max` is what the buyer may reach (stock, 99). */
export function QtyStepper({ value, max, disabled, onChange, label }: { value: number; max: number; disabled?: boolean; onChange: (qty: number) => void; label: string }) {
  const t = useTranslations('cart.qty');
  return (
    <div className="inline-flex h-10 items-center rounded-xl border border-zinc-300 bg-white" role="group" aria-label={t('group', { item: label })}>
      <button
        type="button"
        className="flex size-10 items-center justify-center rounded-l-xl text-lg text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-300"
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
        aria-label={t('less', { item: label })}
      >
        −
      </button>
      <span className="w-8 text-center text-sm font-semibold tabular-nums text-zinc-900" aria-live="polite">
        {value}
      </span>
      <button
        type="button"
        className="flex size-10 items-center justify-center rounded-r-xl text-lg text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-300"
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
        aria-label={t('more', { item: label })}
      >
        +
      </button>
    </div>
  );
}
