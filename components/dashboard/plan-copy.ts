import type { PlanLimits } from '@/server/db/schema';

/** Thousands always grouped ("1.000"), which plain `es` skips for four-digit numbers. */
const count = new Intl.NumberFormat('es', { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions);
export const formatCount = (n: number) => count.format(n);

export type TPlanSummary = { code: string; nameEs: string; limits: PlanLimits; monthlyPrice: number; currency: string };

export function plural(n: number, one: string, many: string) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "Mejora a Pro: hasta 5 tiendas y 1.000 productos" — from the plans table, never hard-coded numbers. */
export function upgradeMessage(plans: readonly TPlanSummary[], currentCode: string): string | null {
  const current = plans.find((p) => p.code === currentCode);
  const better = plans.find(
    (p) => p.code !== currentCode && (!current || p.limits.activeProducts > current.limits.activeProducts),
  );
  if (!better) return null;
  return `Mejora a ${better.nameEs}: hasta ${plural(better.limits.stores, 'tienda', 'tiendas')} y ${plural(better.limits.activeProducts, 'producto', 'productos')}`;
}

/** Near = 80 % of the limit or more. */
export function usageLevel(usage: number, limit: number): 'ok' | 'near' | 'full' {
  if (limit <= 0 || usage >= limit) return 'full';
  return usage / limit >= 0.8 ? 'near' : 'ok';
}
