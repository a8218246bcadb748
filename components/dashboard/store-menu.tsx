'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '@/components/ui/menu';
import { hrefForStore, type TShellStore } from './current-store';
import { PlusIcon } from './icons';
import { StoreAvatar } from './store-avatar';
import { StoreSwitcherButton } from './store-switcher-button';

/** The store switcher's menu (Radix DropdownMenu): the seller's stores as links, then «Abrir otra tienda». */
export function StoreMenu({ stores, current, defaultOpen, focusTrigger }: { stores: TShellStore[]; current: TShellStore; defaultOpen?: boolean; focusTrigger?: boolean }) {
  const t = useTranslations('dashboard.shell.switcher');
  const pathname = usePathname();
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusTrigger && !defaultOpen) trigger.current?.focus();
    // Only when the menu first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger>
        <StoreSwitcherButton ref={trigger} store={current} hint={t('current')} />
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>{t('yours')}</MenuLabel>
        {stores.map((s) => (
          <MenuItem key={s.id} asChild className="aria-[current=true]:bg-violet-50 aria-[current=true]:font-semibold">
            <Link href={hrefForStore(pathname, s.id)} aria-current={s.id === current.id ? 'true' : undefined}>
              <StoreAvatar name={s.name} brandColor={s.brandColor} logoUrl={s.logoUrl} size={28} />
              <span className="min-w-0 flex-1">
                <span className="block truncate">{s.name}</span>
                <span className="block truncate text-xs font-normal text-zinc-500">/s/{s.slug}</span>
              </span>
            </Link>
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem asChild className="font-medium text-violet-700">
          <Link href="/dashboard/tiendas/nueva">
            <PlusIcon className="size-5" /> {t('another')}
          </Link>
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
