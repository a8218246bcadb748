'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ComponentType, SVGProps } from 'react';
import { useCurrentStore, type TShellStore } from './current-store';
import { roleHas, type Permission } from '@/server/services/team/permissions';
import { BoxIcon, ChatIcon, HeartUsersIcon, HomeIcon, LockIcon, ReceiptIcon, SparkIcon, StoreIcon, TagIcon, TruckIcon, UsersIcon, WalletIcon } from './icons';
import { VerifiedBadgeIcon } from '@/components/trust/icons';

/** `phone: false` keeps an entry out of the bottom bar (five fit at 390 px); it stays in the sidebar. */
/** `needs`: the store permission the section's page requires; hidden for roles without it. */
type NavItem = { label: string; href: string; icon: ComponentType<SVGProps<SVGSVGElement>>; active: boolean; phone?: boolean; needs?: Permission };

function useNavItems(stores: TShellStore[]): NavItem[] {
  const t = useTranslations('dashboard.nav');
  const pathname = usePathname();
  const store = useCurrentStore(stores);
  const q = store ? `?tienda=${store.id}` : '';
  const base = store ? `/dashboard/tiendas/${store.id}` : null;
  const items: NavItem[] = [
    { label: t('home'), href: `/dashboard${q}`, icon: HomeIcon, active: pathname === '/dashboard' },
    {
      label: t('messages'),
      href: store ? `/dashboard/inbox/${store.id}` : '/dashboard/tiendas/nueva',
      icon: ChatIcon,
      active: pathname.startsWith('/dashboard/inbox'),
      needs: 'chat.reply',
    },
    {
      label: t('orders'),
      href: base ? `${base}/pedidos` : '/dashboard/tiendas/nueva',
      icon: ReceiptIcon,
      active: pathname.includes('/pedidos'),
    },
    {
      label: t('products'),
      href: base ? `${base}/productos` : '/dashboard/tiendas/nueva',
      icon: BoxIcon,
      active: pathname.includes('/productos'),
    },
    {
      label: t('store'),
      href: base ? `${base}/editar` : '/dashboard/tiendas/nueva',
      icon: StoreIcon,
      active: pathname.endsWith('/editar') || pathname === '/dashboard/tiendas/nueva',
      // Off the phone bar: five fit, and answering buyers (Mensajes) comes before editing the store.
      phone: false,
      needs: 'store.write',
    },
    {
      label: t('wallet'),
      href: base ? `${base}/billetera` : '/dashboard/tiendas/nueva',
      icon: WalletIcon,
      active: pathname.endsWith('/billetera'),
      needs: 'payouts',
    },
    {
      label: t('live'),
      href: base ? `${base}/en-vivo` : '/dashboard/tiendas/nueva',
      icon: SparkIcon,
      active: pathname.includes('/en-vivo'),
      phone: false,
      needs: 'live.manage',
    },
    {
      label: t('customers'),
      href: base ? `${base}/clientes` : '/dashboard/tiendas/nueva',
      icon: HeartUsersIcon,
      active: pathname.includes('/clientes'),
      phone: false,
      needs: 'customers.read',
    },
    {
      label: t('delivery'),
      href: base ? `${base}/entregas` : '/dashboard/tiendas/nueva',
      icon: TruckIcon,
      active: pathname.endsWith('/entregas'),
      phone: false,
      needs: 'delivery.manage',
    },
    {
      label: t('coupons'),
      href: base ? `${base}/cupones` : '/dashboard/tiendas/nueva',
      icon: TagIcon,
      active: pathname.endsWith('/cupones'),
      phone: false,
      needs: 'coupons.manage',
    },
    {
      label: t('team'),
      href: base ? `${base}/equipo` : '/dashboard/tiendas/nueva',
      icon: UsersIcon,
      active: pathname.endsWith('/equipo'),
      phone: false,
      needs: 'team.read',
    },
    {
      label: t('verification'),
      href: base ? `${base}/verificacion` : '/dashboard/tiendas/nueva',
      icon: VerifiedBadgeIcon,
      active: pathname.endsWith('/verificacion'),
      phone: false,
      needs: 'kyc',
    },
    { label: t('plan'), href: `/dashboard/plan${q}`, icon: SparkIcon, active: pathname.startsWith('/dashboard/plan'), phone: false },
    { label: t('security'), href: '/dashboard/seguridad', icon: LockIcon, active: pathname.startsWith('/dashboard/seguridad'), phone: false },
  ];
  const role = store?.role;
  return role ? items.filter((i) => !i.needs || roleHas(role, i.needs)) : items;
}

/** Desktop: a vertical list in the sidebar. */
export function SidebarNav({ stores }: { stores: TShellStore[] }) {
  const items = useNavItems(stores);
  const t = useTranslations('dashboard.nav');
  return (
    <nav aria-label={t('label')} className="space-y-1">
      {items.map(({ label, href, icon: Icon, active }) => (
        <Link
          key={label}
          href={href}
          aria-current={active ? 'page' : undefined}
          className="flex min-h-11 items-center gap-3 rounded-xl px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 aria-[current=page]:bg-violet-50 aria-[current=page]:text-violet-800"
        >
          <Icon className="size-5" />
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** Phones: a fixed bar at the bottom with the five main sections. */
export function BottomNav({ stores }: { stores: TShellStore[] }) {
  const items = useNavItems(stores).filter((i) => i.phone !== false);
  const t = useTranslations('dashboard.nav');
  return (
    <nav
      aria-label={t('label')}
      className="fixed inset-x-0 bottom-0 z-30 border-t border-zinc-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur lg:hidden"
    >
      <ul className="mx-auto grid max-w-lg grid-cols-5">
        {items.map(({ label, href, icon: Icon, active }) => (
          <li key={label}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className="flex min-h-16 flex-col items-center justify-center gap-0.5 text-xs font-medium text-zinc-600 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-violet-600 aria-[current=page]:text-violet-700"
            >
              <Icon className="size-6" />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
