'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/** `role` is the signed-in person's role in the store (owner, manager, staff): the nav shows what it may use. */
export type TShellStore = { id: string; name: string; slug: string; brandColor: string; logoUrl: string | null; role?: 'owner' | 'manager' | 'staff' };

const STORE_IN_PATH = /^\/dashboard\/tiendas\/([0-9a-f-]{36})(?:\/|$)/i;

/** The store the dashboard is looking at: from the path, then `?tienda=`, then the first store. */
export function useCurrentStore(stores: TShellStore[]): TShellStore | undefined {
  const pathname = usePathname();
  const params = useSearchParams();
  const fromPath = STORE_IN_PATH.exec(pathname)?.[1];
  const wanted = fromPath ?? params.get('tienda');
  return stores.find((s) => s.id === wanted) ?? stores[0];
}

/** Where "switch to store X" goes from the current page: the same section of the other store. */
export function hrefForStore(pathname: string, storeId: string): string {
  if (STORE_IN_PATH.test(pathname)) {
    if (pathname.endsWith('/editar')) return `/dashboard/tiendas/${storeId}/editar`;
    if (pathname.includes('/productos')) return `/dashboard/tiendas/${storeId}/productos`;
    for (const section of ['pedidos', 'billetera', 'entregas', 'cupones', 'equipo']) {
      if (pathname.includes(`/${section}`)) return `/dashboard/tiendas/${storeId}/${section}`;
    }
  }
  if (pathname.startsWith('/dashboard/plan')) return `/dashboard/plan?tienda=${storeId}`;
  return `/dashboard?tienda=${storeId}`;
}
