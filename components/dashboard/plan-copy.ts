import { useLocale, useTranslations } from 'next-intl';
import type { PlanLimits } from '@/server/db/schema';

const counters = new Map<string, Intl.NumberFormat>();
/** Thousands always grouped ("1.000" / "1,000"), which plain `es` skips for four-digit numbers. */
export function formatCount(n: number, locale = 'es'): string {
  let f = counters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions);
    counters.set(locale, f);
  }
  return f.format(n);
}

export type TPlanSummary = { code: string; nameEs: string; nameEn?: string; limits: PlanLimits; monthlyPrice: number; currency: string };

/** The next plan with more room than the current one, from the plans table (never hard-coded numbers). */
function betterPlan(plans: readonly TPlanSummary[], currentCode: string): TPlanSummary | undefined {
  const current = plans.find((p) => p.code === currentCode);
  return plans.find((p) => p.code !== currentCode && (!current || p.limits.activeProducts > current.limits.activeProducts));
}

/** Plan words in the page's language: counts with their nouns, and "Mejora a Pro: hasta 5 tiendas y 1.000 productos". */
export function usePlanCopy() {
  const t = useTranslations('dashboard.plan');
  const locale = useLocale();
  const count = (n: number) => formatCount(n, locale);
  const stores = (n: number) => t('stores', { formatted: count(n), count: n });
  const products = (n: number) => t('products', { formatted: count(n), count: n });
  const activeProducts = (n: number) => t('activeProducts', { formatted: count(n), count: n });
  const planName = (p: Pick<TPlanSummary, 'nameEs' | 'nameEn'>) => (locale === 'en' && p.nameEn ? p.nameEn : p.nameEs);
  return {
    t,
    count,
    planName,
    stores,
    products,
    activeProducts,
    upgradeMessage(plans: readonly TPlanSummary[], currentCode: string): string | null {
      const better = betterPlan(plans, currentCode);
      return better ? t('upgrade', { plan: planName(better), stores: stores(better.limits.stores), products: products(better.limits.activeProducts) }) : null;
    },
  };
}

/** Near = 80 % of the limit or more. */
export function usageLevel(usage: number, limit: number): 'ok' | 'near' | 'full' {
  if (limit <= 0 || usage >= limit) return 'full';
  return usage / limit >= 0.8 ? 'near' : 'ok';
}
