'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Image from 'next/image';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import type { CartLine, CartView as TCartView } from '@/server/services/cart/get-cart';
import { setCartCount } from './cart-client';
import { BagIcon } from './cart-link';
import { QtyStepper } from './qty-stepper';

const MAX_QTY = 99;

function problemText(t: ReturnType<typeof useTranslations<'cart'>>, line: Pick<CartLine, 'problem' | 'available'>): string | null {
  switch (line.problem) {
    case 'unavailable':
      return t('problem.unavailable');
    case 'out_of_stock':
      return t('problem.outOfStock');
    case 'insufficient_stock':
      return t('problem.insufficientStock', { available: line.available });
    default:
      return null;
  }
}

function optionsLabel(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

/** The cart page body: lines per store with steppers, remove, per-store subtotal, and the way to checkout. */
export function CartView() {
  const t = useTranslations('cart');
  const formatMoney = useMoney();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery({ ...trpc.cart.get.queryOptions(), staleTime: 0 });
  const [lineError, setLineError] = useState<{ variantId: string; message: string } | null>(null);

  useEffect(() => {
    if (cart.data) setCartCount(cart.data.count);
  }, [cart.data]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
  const setQty = useMutation(
    trpc.cart.setQty.mutationOptions({
      onMutate: () => setLineError(null),
      onError: (err, vars) => setLineError({ variantId: vars.variantId, message: err.message }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(trpc.cart.remove.mutationOptions({ onMutate: () => setLineError(null), onSettled: refresh }));
  const busy = setQty.isPending || remove.isPending;

  if (cart.isPending) {
    return (
      <div className="mt-6 space-y-3" role="status" aria-busy="true" aria-label={t('loading')}>
        {[0, 1].map((i) => (
          <div key={i} className="h-28 animate-pulse rounded-2xl bg-zinc-100" />
        ))}
      </div>
    );
  }
  if (cart.isError) {
    return (
      <div className="mt-6 rounded-2xl bg-rose-50 p-4 text-sm text-rose-800">
        {t('loadError')}{' '}
        <button type="button" className="font-semibold underline" onClick={() => cart.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  const view: TCartView = cart.data;
  if (view.groups.length === 0) {
    return (
      <section className="mt-10 flex flex-col items-center rounded-3xl bg-zinc-50 px-6 py-14 text-center">
        <span className="flex size-16 items-center justify-center rounded-full bg-violet-100 text-violet-700">
          <BagIcon className="size-8" />
        </span>
        <h2 className="mt-3 text-lg font-semibold text-zinc-900">{t('emptyTitle')}</h2>
        <p className="mt-1 max-w-sm text-sm text-zinc-600">{t('emptyText')}</p>
        <Link href="/" className="mt-6 inline-flex h-11 items-center rounded-2xl bg-zinc-900 px-5 text-sm font-semibold text-white hover:bg-zinc-700">
          {t('browse')}
        </Link>
      </section>
    );
  }
  const hasProblems = view.groups.some((g) => g.hasProblems);
  const multiCurrency = view.currencies.length > 1;

  return (
    <div className="mt-4 space-y-6">
      <p className="text-sm text-zinc-600">
        {t('summary', { count: view.count, stores: view.groups.length })}
      </p>
      {view.groups.map((group) => (
        <section key={`${group.storeId}:${group.currency}`} aria-label={t('storeProducts', { store: group.storeName })} className="rounded-3xl border border-zinc-200 bg-white">
          <header className="flex items-center justify-between gap-3 border-b border-zinc-100 px-4 py-3">
            <Link href={`/s/${group.storeSlug}`} className="font-semibold text-zinc-900 hover:underline">
              {group.storeName}
            </Link>
            <span className="text-xs text-zinc-500">{group.currency}</span>
          </header>
          <ul className="divide-y divide-zinc-100">
            {group.lines.map((line) => {
              const problem = problemText(t, line);
              const label = `${line.title}${Object.keys(line.options).length ? ` (${optionsLabel(line.options)})` : ''}`;
              return (
                <li key={line.variantId} className="flex gap-3 px-4 py-4" data-testid="cart-line">
                  <Link href={`/s/${group.storeSlug}/p/${line.productSlug}`} className="relative size-20 shrink-0 overflow-hidden rounded-2xl bg-zinc-100 ring-1 ring-inset ring-black/5">
                    {line.image ? (
                      <Image src={line.image.url} alt={line.image.alt} fill sizes="80px" className={`object-cover ${line.problem === 'unavailable' || line.problem === 'out_of_stock' ? 'opacity-50 grayscale' : ''}`} />
                    ) : (
                      <span className="flex size-full items-center justify-center text-2xl font-black text-zinc-300" aria-hidden="true">
                        {line.title.slice(0, 1)}
                      </span>
                    )}
                  </Link>
                  <div className="min-w-0 flex-1">
                    <div className="flex items-start justify-between gap-2">
                      <div className="min-w-0">
                        <Link href={`/s/${group.storeSlug}/p/${line.productSlug}`} className="line-clamp-2 text-sm font-medium leading-snug text-zinc-900 hover:underline">
                          {line.title}
                        </Link>
                        {Object.keys(line.options).length > 0 && <p className="mt-0.5 text-xs text-zinc-500">{optionsLabel(line.options)}</p>}
                        <p className="mt-1 text-xs text-zinc-500">{t('each', { price: formatMoney(line.unitPrice, line.currency) })}</p>
                      </div>
                      <p className="shrink-0 text-sm font-semibold tabular-nums text-zinc-900">{formatMoney(line.lineTotal, line.currency)}</p>
                    </div>
                    {problem && <p className="mt-2 rounded-lg bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900">{problem}</p>}
                    {lineError?.variantId === line.variantId && (
                      <p role="alert" className="mt-2 text-xs font-medium text-rose-700">
                        {lineError.message}
                      </p>
                    )}
                    <div className="mt-2 flex items-center justify-between gap-2">
                      {line.problem === 'unavailable' || line.problem === 'out_of_stock' ? (
                        <span />
                      ) : (
                        <QtyStepper
                          value={line.qty}
                          max={Math.max(line.qty > line.available ? line.qty : 1, Math.min(MAX_QTY, line.available))}
                          disabled={busy}
                          label={label}
                          onChange={(qty) => setQty.mutate({ variantId: line.variantId, qty })}
                        />
                      )}
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => remove.mutate({ variantId: line.variantId })}
                        className="rounded-lg px-2 py-2 text-sm font-medium text-zinc-600 underline-offset-2 hover:text-rose-700 hover:underline disabled:opacity-50"
                        aria-label={t('removeLabel', { item: label })}
                      >
                        {t('remove')}
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
          <footer className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-sm">
            <span className="text-zinc-600">{t('storeSubtotal', { store: group.storeName })}</span>
            <span className="font-semibold tabular-nums text-zinc-900" data-testid="store-subtotal">
              {formatMoney(group.subtotal, group.currency)}
            </span>
          </footer>
        </section>
      ))}

      <div className="sticky bottom-0 -mx-4 border-t border-zinc-200 bg-white/95 px-4 pb-4 pt-3 backdrop-blur sm:static sm:mx-0 sm:rounded-3xl sm:border sm:p-4">
        {multiCurrency ? (
          <p className="mb-3 text-sm text-zinc-600">{t('multiCurrency', { currencies: format.list(view.currencies, { type: 'conjunction' }) })}</p>
        ) : (
          <p className="mb-3 flex items-baseline justify-between text-sm text-zinc-600">
            <span>{t('subtotal')}</span>
            <span className="text-lg font-bold tabular-nums text-zinc-900">
              {formatMoney(
                view.groups.reduce((s, g) => s + g.subtotal, 0),
                view.currencies[0]!,
              )}
            </span>
          </p>
        )}
        {hasProblems && <p className="mb-3 text-sm font-medium text-amber-800">{t('reviewProblems')}</p>}
        <Link
          href="/checkout"
          aria-disabled={hasProblems}
          onClick={(e) => {
            if (hasProblems) e.preventDefault();
          }}
          className={`flex h-12 w-full items-center justify-center rounded-2xl text-sm font-semibold shadow-sm ${
            hasProblems ? 'cursor-not-allowed bg-zinc-200 text-zinc-600' : 'bg-violet-700 text-white hover:bg-violet-800'
          }`}
        >
          {t('toCheckout')}
        </Link>
      </div>
    </div>
  );
}
