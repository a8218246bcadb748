'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { usePlanCopy } from './plan-copy';
import type { TLimitDetails } from './trpc-error';

/**
 * The upgrade message shown when the server answers LIMIT_EXCEEDED (or when a page sees the limit is reached).
 * Reads the plans from plan.usage so the numbers match the server's.
 */
export function LimitNotice({
  details,
  context,
  tone = 'error',
  className = '',
}: {
  details: TLimitDetails;
  /** What could not be done, e.g. "No pudimos restaurar «Gorro»." (the limit itself is explained here). */
  context?: string;
  tone?: 'error' | 'warning';
  className?: string;
}) {
  const trpc = useTRPC();
  const copy = usePlanCopy();
  const { t } = copy;
  const { data } = useQuery(trpc.plan.usage.queryOptions());
  const named = data?.plans.find((p) => p.code === details.plan) ?? data?.plan;
  const planName = named ? copy.planName(named) : t('current');
  const upgrade = data ? copy.upgradeMessage(data.plans, details.plan) : null;
  const limit = details.resource === 'stores' ? copy.stores(details.limit) : copy.activeProducts(details.limit);
  return (
    <div
      role="alert"
      className={`rounded-2xl border p-4 text-sm ${
        tone === 'error' ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-violet-200 bg-violet-50 text-violet-950'
      } ${className}`}
    >
      {context ? <p className="mb-1">{context}</p> : null}
      <p className="font-semibold">
        {t('limitReached', { plan: planName, usage: copy.count(details.usage), limit })}
      </p>
      {upgrade ? <p className="mt-1">{upgrade}.</p> : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Link
          href="/dashboard/plan"
          className="inline-flex min-h-11 items-center rounded-xl bg-violet-600 px-4 text-sm font-semibold text-white hover:bg-violet-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600"
        >
          {t('seePlans')}
        </Link>
        {details.resource === 'activeProducts' ? (
          <span className="self-center text-xs text-zinc-700">{t('archiveHint')}</span>
        ) : null}
      </div>
    </div>
  );
}
