'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMoney } from '@/components/ui/use-money';

/** Coupon code of one store: applied on demand, the quote says whether it works. */
export function CouponField({
  storeId,
  currency,
  applied,
  error,
  onApply,
}: {
  storeId: string;
  currency: string;
  applied: { code: string; discount: number } | null;
  error: string | null;
  onApply: (code: string | undefined) => void;
}) {
  const t = useTranslations('checkout.coupon');
  const formatMoney = useMoney();
  const [code, setCode] = useState(applied?.code ?? '');
  const id = `coupon-${storeId}`;
  if (applied) {
    return (
      <p className="flex items-center justify-between gap-2 rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <span>
          {t.rich('applied', { code: applied.code, discount: formatMoney(applied.discount, currency), b: (chunks) => <strong>{chunks}</strong> })}
        </span>
        <button
          type="button"
          className="font-medium underline underline-offset-2"
          onClick={() => {
            setCode('');
            onApply(undefined);
          }}
        >
          {t('remove')}
        </button>
      </p>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800">
        {t('label')}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onApply(code.trim() || undefined);
            }
          }}
          maxLength={40}
          autoCapitalize="characters"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`h-11 min-w-0 flex-1 rounded-xl border px-3 text-base uppercase outline-none focus:ring-2 ${error ? 'border-rose-400 focus:ring-rose-100' : 'border-zinc-300 focus:border-violet-500 focus:ring-violet-100'}`}
          placeholder={t('placeholder')}
        />
        <button type="button" onClick={() => onApply(code.trim() || undefined)} className="h-11 rounded-xl border border-zinc-300 px-4 text-sm font-semibold text-zinc-800 hover:bg-zinc-50">
          {t('apply')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
