'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { hrefForStore, useCurrentStore, type TShellStore } from './current-store';
import { ChevronDownIcon, PlusIcon } from './icons';
import { StoreAvatar } from './store-avatar';

/** A small menu in the top bar: the current store, the others, and "open another store". */
export function StoreSwitcher({ stores }: { stores: TShellStore[] }) {
  const t = useTranslations('dashboard.shell.switcher');
  const current = useCurrentStore(stores);
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);

  // Close the menu after navigating and when clicking elsewhere.
  useEffect(() => {
    ref.current?.removeAttribute('open');
  }, [pathname]);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.removeAttribute('open');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.open) {
        ref.current.removeAttribute('open');
        ref.current.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  if (!current) {
    return (
      <Link
        href="/dashboard/tiendas/nueva"
        className="inline-flex min-h-11 items-center gap-1.5 rounded-xl px-3 text-sm font-semibold text-violet-700 hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-violet-600"
      >
        <PlusIcon className="size-4" /> {t('open')}
      </Link>
    );
  }

  return (
    <details ref={ref} className="relative min-w-0">
      <summary
        className="flex min-h-11 max-w-[14rem] cursor-pointer list-none items-center gap-2 rounded-xl px-2 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 sm:max-w-xs [&::-webkit-details-marker]:hidden"
        aria-label={t('current', { store: current.name })}
      >
        <StoreAvatar name={current.name} brandColor={current.brandColor} logoUrl={current.logoUrl} size={28} />
        <span className="truncate text-sm font-semibold text-zinc-900">{current.name}</span>
        <ChevronDownIcon className="size-4 shrink-0 text-zinc-500" />
      </summary>
      <div className="absolute left-0 z-40 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-2xl border border-zinc-200 bg-white p-2 shadow-lg">
        <p className="px-2 pb-1 pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">{t('yours')}</p>
        <ul>
          {stores.map((s) => (
            <li key={s.id}>
              <Link
                href={hrefForStore(pathname, s.id)}
                aria-current={s.id === current.id ? 'true' : undefined}
                className="flex min-h-11 items-center gap-2 rounded-xl px-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 aria-[current=true]:bg-violet-50 aria-[current=true]:font-semibold"
              >
                <StoreAvatar name={s.name} brandColor={s.brandColor} logoUrl={s.logoUrl} size={28} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{s.name}</span>
                  <span className="block truncate text-xs font-normal text-zinc-500">/s/{s.slug}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-zinc-100 pt-1">
          <Link
            href="/dashboard/tiendas/nueva"
            className="flex min-h-11 items-center gap-2 rounded-xl px-2 text-sm font-medium text-violet-700 hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-violet-600"
          >
            <PlusIcon className="size-5" /> {t('another')}
          </Link>
        </div>
      </div>
    </details>
  );
}
