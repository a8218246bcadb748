'use client';

import { useId, useSyncExternalStore } from 'react';
import { THEME_CHOICES, THEME_STORAGE_KEY, type ThemeChoice } from './theme-script';

export type ThemeLabels = { label: string } & Record<ThemeChoice, string>;

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/**
 * Stores the choice on this device and applies it. Applying is the root layout's head script's job
 * (components/ui/theme-script.ts): it listens for `storage` events, which browsers fire in the OTHER tabs; this tab
 * gets the same event synthesised, so one code path applies a change everywhere (and every switch on the page
 * re-reads it through useSyncExternalStore).
 */
function choose(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    return; // Storage blocked: nothing to remember, and the page keeps following the system.
  }
  window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY }));
}

/**
 * Sistema / Claro / Oscuro as three toggle buttons (aria-pressed) in a labelled group. Labels come translated from
 * the server component that renders it (no i18n provider needed: it ships in every cached public page's footer).
 * Before hydration it shows "Sistema" pressed (the server cannot know the device's choice); the page itself is
 * already in the right theme then, set by the head script.
 */
export function ThemeSwitch({ labels, size = 'compact', className = '' }: { labels: ThemeLabels; size?: 'compact' | 'large'; className?: string }) {
  const current = useSyncExternalStore(subscribe, readChoice, () => 'system' as const);
  const labelId = useId();
  const large = size === 'large';
  return (
    <div className={`flex items-center gap-2 ${className}`} data-testid="theme-switch">
      <span id={labelId} className={large ? 'sr-only' : 'text-xs font-medium text-zinc-600'}>
        {labels.label}
      </span>
      <div
        role="group"
        aria-labelledby={labelId}
        className={`rounded-full border border-zinc-200 p-0.5 ${large ? 'grid w-full grid-cols-3 sm:w-auto sm:min-w-80' : 'inline-flex'}`}
      >
        {THEME_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={current === choice}
            onClick={() => choose(choice)}
            className={`rounded-full font-medium text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-violet-600 aria-pressed:bg-violet-100 aria-pressed:font-semibold aria-pressed:text-violet-800 ${large ? 'min-h-11 px-4 text-sm' : 'min-h-9 px-3 text-xs'}`}
          >
            {labels[choice]}
          </button>
        ))}
      </div>
    </div>
  );
}
