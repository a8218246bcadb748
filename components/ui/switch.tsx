'use client';

import * as RadixSwitch from '@radix-ui/react-switch';
import type { ReactNode } from 'react';

/**
 * An on/off switch on Radix (role="switch", aria-checked, Space/Enter toggle). The visible label sits inside the
 * control, so the whole row is one 44 px touch target and the label is the switch's accessible name.
 */
export function Switch({
  checked,
  onCheckedChange,
  label,
  disabled,
}: {
  checked: boolean;
  onCheckedChange: (next: boolean) => void;
  label: ReactNode;
  disabled?: boolean;
}) {
  return (
    <RadixSwitch.Root
      checked={checked}
      onCheckedChange={onCheckedChange}
      disabled={disabled}
      className="inline-flex min-h-11 items-center gap-2 rounded-xl px-1 text-sm font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        // Plain colour classes (not data-[state] variants): the dark theme's light-mode islands match `.bg-violet-600`.
        className={`relative inline-flex h-6 w-10 shrink-0 items-center rounded-full transition-colors ${checked ? 'bg-violet-600' : 'bg-zinc-300'}`}
      >
        <RadixSwitch.Thumb className="inline-block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.125rem]" />
      </span>
      {label}
    </RadixSwitch.Root>
  );
}
