'use client';

import Link from 'next/link';
import { useState } from 'react';
import { fillTemplate, type AddToCartLabels } from '@/components/product/offer-labels';
import { addToCartRequest, CartRequestError } from './cart-client';

const MAX = 99;

/**
 * The product page's buy action: quantity stepper and "Agregar al carrito" for the chosen variant. Lives inside the
 * live-offer island, so it never makes the cached page dynamic.
 */
export function AddToCart({
  variantId,
  available,
  disabledReason,
  labels,
  soldOutLabel,
}: {
  variantId: string | null;
  available: number;
  disabledReason: string | null;
  labels: AddToCartLabels;
  soldOutLabel: string;
}) {
  const [qty, setQty] = useState(1);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'added'; inCart: number } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const max = Math.max(1, Math.min(MAX, available));
  const shownQty = Math.min(qty, max);
  const disabled = !variantId || available <= 0 || state.kind === 'busy';

  async function add() {
    if (!variantId) return;
    setState({ kind: 'busy' });
    try {
      const res = await addToCartRequest(variantId, shownQty);
      setState({ kind: 'added', inCart: res.qty });
      setQty(1);
    } catch (err) {
      setState({ kind: 'error', message: err instanceof CartRequestError ? err.message : labels.error });
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex gap-3">
        <div className="flex h-12 items-center rounded-2xl border border-zinc-300" role="group" aria-label={labels.quantity}>
          <button
            type="button"
            onClick={() => setQty(Math.max(1, shownQty - 1))}
            disabled={disabled || shownQty <= 1}
            className="flex size-12 items-center justify-center rounded-l-2xl text-xl text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-300"
            aria-label={labels.less}
          >
            −
          </button>
          <output aria-live="polite" aria-label={labels.quantity} className="w-8 text-center text-base font-semibold tabular-nums text-zinc-900">
            {shownQty}
          </output>
          <button
            type="button"
            onClick={() => setQty(Math.min(max, shownQty + 1))}
            disabled={disabled || shownQty >= max}
            className="flex size-12 items-center justify-center rounded-r-2xl text-xl text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-300"
            aria-label={labels.more}
          >
            +
          </button>
        </div>
        <button
          type="button"
          onClick={add}
          disabled={disabled}
          className="flex h-12 flex-1 items-center justify-center rounded-2xl bg-violet-700 px-4 text-sm font-semibold text-white shadow-sm transition hover:bg-violet-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-700 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-600 disabled:shadow-none"
        >
          {state.kind === 'busy' ? labels.adding : available <= 0 && variantId ? soldOutLabel : (disabledReason ?? labels.add)}
        </button>
      </div>
      <div aria-live="polite" className="min-h-0 text-sm">
        {state.kind === 'added' && (
          <p className="flex flex-wrap items-center justify-between gap-2 rounded-2xl bg-emerald-50 px-4 py-3 text-emerald-900 ring-1 ring-inset ring-emerald-200">
            <span>{fillTemplate(labels.added, { count: state.inCart })}</span>
            <Link href="/carrito" className="font-semibold text-emerald-900 underline underline-offset-2">
              {labels.seeCart}
            </Link>
          </p>
        )}
        {state.kind === 'error' && <p className="rounded-2xl bg-rose-50 px-4 py-3 text-rose-800 ring-1 ring-inset ring-rose-200">{state.message}</p>}
      </div>
    </div>
  );
}
