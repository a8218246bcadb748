'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactElement, ReactNode } from 'react';

/**
 * A menu button on Radix DropdownMenu: Enter/Space/ArrowDown open it on the first item, arrows and typeahead move,
 * Escape closes and focus returns to the button, tapping outside closes. Items are buttons or links (`asChild`).
 */
export const Menu = DropdownMenu.Root;

export function MenuTrigger({ children }: { children: ReactElement }) {
  return <DropdownMenu.Trigger asChild>{children}</DropdownMenu.Trigger>;
}

export function MenuContent({ children, align = 'start', label }: { children: ReactNode; align?: 'start' | 'end'; label?: string }) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        sideOffset={4}
        collisionPadding={12}
        aria-label={label}
        className="z-50 w-72 max-w-[calc(100vw-1.5rem)] rounded-2xl border border-zinc-200 bg-white p-2 text-zinc-900 shadow-lg outline-none"
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

const ITEM =
  'flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-xl px-2 text-sm data-[highlighted]:bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-600 data-[disabled]:pointer-events-none data-[disabled]:opacity-60';

/** One item. With a single link child (`asChild`) the item navigates; otherwise `onSelect` runs. */
export function MenuItem({
  children,
  onSelect,
  asChild,
  className = '',
  disabled,
}: {
  children: ReactNode;
  onSelect?: () => void;
  asChild?: boolean;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <DropdownMenu.Item asChild={asChild} onSelect={onSelect} disabled={disabled} className={`${ITEM} ${className}`}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2 pb-1 pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />;
}
