'use client';

import type { ComponentProps } from 'react';
import type { TShellStore } from './current-store';
import { ChevronDownIcon } from './icons';
import { StoreAvatar } from './store-avatar';

/** The store switcher's button: the same markup before the menu code has loaded and as the menu's trigger. */
export function StoreSwitcherButton({ store, label, ...props }: ComponentProps<'button'> & { store: TShellStore; label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      {...props}
      className="flex min-h-11 min-w-0 max-w-[14rem] items-center gap-2 rounded-xl px-2 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 data-[state=open]:bg-zinc-100 sm:max-w-xs"
    >
      <StoreAvatar name={store.name} brandColor={store.brandColor} logoUrl={store.logoUrl} size={28} />
      <span className="truncate text-sm font-semibold text-zinc-900">{store.name}</span>
      <ChevronDownIcon className="size-4 shrink-0 text-zinc-500" />
    </button>
  );
}
