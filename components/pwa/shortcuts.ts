/** Where a manifest shortcut goes for a seller whose first store is `storeId` (null: no store yet → onboarding). */
export function shortcutTarget(destino: string, storeId: string | null): string | undefined {
  const sections: Record<string, string> = { 'nuevo-producto': 'productos/nuevo', pedidos: 'pedidos', 'en-vivo': 'en-vivo' };
  const section = sections[destino];
  if (!section) return undefined;
  return storeId ? `/dashboard/tiendas/${storeId}/${section}` : '/dashboard';
}
