'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useCurrentStore, type TShellStore } from './current-store';
import { PlusIcon } from './icons';
import type { StoreMenu as TStoreMenu } from './store-menu';
import { StoreSwitcherButton } from './store-switcher-button';

/**
 * The store switcher in the top bar: a menu button (Radix DropdownMenu, in ./store-menu). The menu's code (Radix
 * menu + positioning, ≈ 19 KB gzipped) is not in the first-load JS of every dashboard page: the same button is
 * rendered first and the menu is loaded right after hydration; a tap before it arrives opens it once loaded.
 */
export function StoreSwitcher({ stores }: { stores: TShellStore[] }) {
  const t = useTranslations('dashboard.shell.switcher');
  const current = useCurrentStore(stores);
  const [Menu, setMenu] = useState<ComponentType<Parameters<typeof TStoreMenu>[0]> | null>(null);
  const [openWhenLoaded, setOpenWhenLoaded] = useState(false);
  const [focusWhenLoaded, setFocusWhenLoaded] = useState(false);
  const placeholder = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let live = true;
    void import('./store-menu').then((m) => {
      if (!live) return;
      // The button is replaced by the menu's own trigger: keep the keyboard focus where it was.
      setFocusWhenLoaded(placeholder.current !== null && placeholder.current === document.activeElement);
      setMenu(() => m.StoreMenu);
    });
    return () => {
      live = false;
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
  if (Menu) return <Menu stores={stores} current={current} defaultOpen={openWhenLoaded} focusTrigger={focusWhenLoaded} />;
  return <StoreSwitcherButton ref={placeholder} store={current} hint={t('current')} aria-haspopup="menu" aria-expanded={false} onClick={() => setOpenWhenLoaded(true)} />;
}
