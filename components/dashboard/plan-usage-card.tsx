'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { Card } from './field';
import { usePlanCopy, usageLevel } from './plan-copy';
import type { TPlanUsage } from './types';
import { UsageBar } from './usage-bar';

/** Plan, usage against its limits, and the upgrade message when near or at a limit. */
export function PlanUsageCard({ initialData }: { initialData: TPlanUsage }) {
  const trpc = useTRPC();
  const copy = usePlanCopy();
  const { t } = copy;
  const { data = initialData } = useQuery({ ...trpc.plan.usage.queryOptions(), initialData });
  const { plan, usage, plans } = data;
  const levels = [usageLevel(usage.activeProducts, plan.limits.activeProducts), usageLevel(usage.stores, plan.limits.stores)];
  const pressing = levels.some((l) => l !== 'ok');
  const upgrade = copy.upgradeMessage(plans, plan.code);
  return (
    <Card className="space-y-4 lg:grid lg:grid-cols-[9rem_minmax(0,1fr)_minmax(0,1fr)] lg:items-center lg:gap-x-8 lg:gap-y-4 lg:space-y-0">
      <div className="flex items-center justify-between gap-2 lg:flex-col lg:items-start lg:gap-0">
        <h2 className="text-base font-semibold text-zinc-900">
          {t.rich('title', { name: () => <span className="text-violet-700">{copy.planName(plan)}</span> })}
        </h2>
        <Link
          href="/dashboard/plan"
          className="-mx-2 inline-flex min-h-11 items-center rounded-xl px-2 text-sm font-medium text-violet-700 hover:underline focus-visible:outline-2 focus-visible:outline-violet-600"
        >
          {t('seePlans')}
        </Link>
      </div>
      <UsageBar resource="activeProducts" usage={usage.activeProducts} limit={plan.limits.activeProducts} />
      <UsageBar resource="stores" usage={usage.stores} limit={plan.limits.stores} />
      {pressing && upgrade ? (
        <div className="flex flex-wrap items-center justify-between gap-x-4 rounded-xl bg-violet-50 px-3 py-1.5 text-sm text-violet-950 lg:col-span-3">
          <p className="py-1.5 font-semibold">{upgrade}.</p>
          <Link
            href="/dashboard/plan"
            className="inline-flex min-h-11 items-center font-semibold text-violet-700 underline focus-visible:outline-2 focus-visible:outline-violet-600"
          >
            {t('upgradeMine')}
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
