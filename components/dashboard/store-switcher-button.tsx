'use client';

import type { ComponentProps } from 'react';
import type { TShellStore } from './current-store';
import { ChevronDownIcon } from './icons';
import { StoreAvatar } from './store-avatar';

/**
 * The store switcher's button: the same markup before the menu code has loaded and as the menu's trigger. Its name
 * is its content — the store's name as shown, then the hint for screen readers — so what a voice-control user reads
 * on screen is what the button is called (WCAG 2.5.3).
 */
export function StoreSwitcherButton({ store, hint, ...props }: ComponentProps<'button'> & { store: TShellStore; hint: string }) {
  return (
    <button
      type="button"
      {...props}
      className="flex min-h-11 min-w-0 max-w-[14rem] items-center gap-2 rounded-xl px-2 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 data-[state=open]:bg-zinc-100 sm:max-w-xs"
    >
      <StoreAvatar name={store.name} brandColor={store.brandColor} logoUrl={store.logoUrl} size={28} />
      <span className="truncate text-sm font-semibold text-zinc-900">{store.name}</span>
      <span className="sr-only">, {hint}</span>
      <ChevronDownIcon className="size-4 shrink-0 text-zinc-500" />
    </button>
  );
}
