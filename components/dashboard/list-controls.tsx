'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CloseIcon, SearchIcon } from './icons';

/** The search box of the dashboard lists: magnifier, clear button, 44 px touch targets. */
export function SearchField({ id, label, value, onChange, placeholder }: { id: string; label: string; value: string; onChange: (value: string) => void; placeholder: string }) {
  const t = useTranslations('dashboard.list');
  return (
    <div className="relative flex-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        maxLength={100}
        className="block min-h-11 w-full rounded-xl border border-zinc-300 bg-white py-2 pl-10 pr-10 text-base outline-none focus-visible:border-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500 [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <button
          type="button"
          onClick={() => onChange('')}
          className="absolute right-0 top-0 flex size-11 items-center justify-center rounded-xl text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-violet-600"
          aria-label={t('clearSearch')}
        >
          <CloseIcon className="size-5" />
        </button>
      ) : null}
    </div>
  );
}

/**
 * Status filter as an ARIA tabs pattern: roving tabindex, arrows move between tabs. `idPrefix` ties each tab to the
 * tabpanel `${idPrefix}-list` the caller renders.
 */
export function StatusTabs<V extends string>({
  idPrefix,
  tabs,
  value,
  onChange,
  className,
  tabClassName,
  badge,
}: {
  idPrefix: string;
  tabs: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  className: string;
  tabClassName: string;
  badge?: (value: V) => ReactNode;
}) {
  const tl = useTranslations('dashboard.list');
  return (
    <div role="tablist" aria-label={tl('status')} className={className}>
      {tabs.map((t, i) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t.value}`}
          aria-selected={value === t.value}
          aria-controls={`${idPrefix}-list`}
          tabIndex={value === t.value ? 0 : -1}
          onClick={() => onChange(t.value)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = tabs[(i + step + tabs.length) % tabs.length]!;
            onChange(next.value);
            document.getElementById(`${idPrefix}-tab-${next.value}`)?.focus();
          }}
          className={tabClassName}
        >
          {t.label}
          {badge?.(t.value)}
        </button>
      ))}
    </div>
  );
}
