'use client';

import { useTranslations } from 'next-intl';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { appErrorOf } from './trpc-error';
import type { TProductList } from './types';

/** Applies a variant's new stock to every cached product list (and the product's total). */
function withStock(list: TProductList | undefined, variantId: string, stock: number): TProductList | undefined {
  if (!list) return list;
  let changed = false;
  const items = list.items.map((item) => {
    if (!item.variants.some((v) => v.id === variantId)) return item;
    changed = true;
    const variants = item.variants.map((v) => (v.id === variantId ? { ...v, stock } : v));
    // stock_total is what can still be sold: stock minus units held by pending orders (see the catalog trigger).
    return { ...item, variants, stockTotal: variants.reduce((sum, v) => sum + v.stock - v.reserved, 0) };
  });
  return changed ? { ...list, items } : list;
}

/**
 * Inline stock edit for one variant: saves on blur or Enter, shows the new value at once (optimistic),
 * and puts the old value back with the server's message if the save fails (e.g. below reserved units).
 */
export function StockInput({
  storeId,
  variantId,
  stock,
  reserved,
  label,
  className = '',
}: {
  storeId: string;
  variantId: string;
  stock: number;
  reserved: number;
  label: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.products');
  const tc = useTranslations('common');
  const queryClient = useQueryClient();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(String(stock));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // Follow the server value when it changes elsewhere, but never under the seller's fingers.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setText(String(stock));
  }, [stock]);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), 2000);
    return () => clearTimeout(timer);
  }, [saved]);

  const listFilter = trpc.product.list.pathFilter();
  const mutation = useMutation(
    trpc.product.setStock.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries(listFilter);
        const snapshot = queryClient.getQueriesData<TProductList>(listFilter);
        queryClient.setQueriesData<TProductList>(listFilter, (old) => withStock(old, input.variantId, input.stock));
        return { snapshot, previous: stock };
      },
      onError: (err, _input, context) => {
        for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
        const info = appErrorOf(err);
        setError(info.fields.stock ?? info.message);
        setText(String(context?.previous ?? stock));
      },
      onSuccess: () => setSaved(true),
      onSettled: () => {
        void queryClient.invalidateQueries(listFilter);
        void queryClient.invalidateQueries(trpc.store.counts.queryFilter({ storeId }));
      },
    }),
  );

  function commit() {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (trimmed === '' || !Number.isInteger(n) || n < 0) {
      setError(t('stockWhole'));
      return;
    }
    if (n > 1_000_000) {
      setError(t('stockMax'));
      return;
    }
    setError(null);
    if (n === stock) return;
    mutation.mutate({ storeId, variantId, stock: n });
  }

  return (
    <div className={`min-w-0 ${className}`}>
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          ref={inputRef}
          id={id}
          type="number"
          inputMode="numeric"
          min={Math.max(0, reserved)}
          step={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setText(String(stock));
              setError(null);
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-11 w-20 rounded-xl border border-zinc-300 bg-white px-2 text-center text-base tabular-nums outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500 aria-[invalid=true]:border-red-500"
        />
        <span aria-live="polite" className="w-5 text-sm">
          {mutation.isPending ? (
            <span className="block size-2 animate-pulse rounded-full bg-violet-500" title={tc('saving')} />
          ) : saved ? (
            <span className="text-emerald-600" title={tc('saved')}>
              ✓<span className="sr-only">{tc('saved')}</span>
            </span>
          ) : null}
        </span>
      </div>
      {reserved > 0 ? (
        <p className="mt-1 text-xs text-zinc-500">
          {t('reserved', { count: reserved })}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 max-w-56 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
