'use client';

import Link from 'next/link';
import { useEffect, useSyncExternalStore } from 'react';
import { cartLabel, type CartLinkLabels } from '@/components/product/offer-labels';
import { getCartCount, refreshCartCount, subscribeCartCount } from './cart-client';

export function BagIcon({ className = 'size-5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true">
      <path d="M6 7h12l-1 13H7L6 7Z" />
      <path d="M9 7a3 3 0 0 1 6 0" />
    </svg>
  );
}

/** Header cart link with the unit count; the count is read in the browser so cached pages stay cached. */
export function CartLink({ labels }: { labels: CartLinkLabels }) {
  useEffect(() => {
    void refreshCartCount();
  }, []);
  const count = useSyncExternalStore(subscribeCartCount, getCartCount, () => null);
  const label = cartLabel(labels, count);
  return (
    <Link
      href="/carrito"
      aria-label={label}
      className="relative inline-flex size-10 items-center justify-center rounded-full text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600"
    >
      <BagIcon className="size-6" />
      {count ? (
        <span
          data-testid="cart-count"
          className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-violet-700 px-1 text-[11px] font-bold leading-none text-white ring-2 ring-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
