'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useTRPC } from '@/components/providers/trpc';
import { formatCount } from './plan-copy';
import type { TStoreCounts } from './types';

/** Simple figures for the current store; refreshed after stock edits and archive/restore. */
export function StoreCounts({ storeId, initialData }: { storeId: string; initialData: TStoreCounts }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.counts');
  const locale = useLocale();
  const { data = initialData } = useQuery({ ...trpc.store.counts.queryOptions({ storeId }), initialData });
  const items: { label: string; value: number; tone?: 'warn' | 'bad' }[] = [
    { label: t('active'), value: data.active },
    { label: t('archived'), value: data.archived },
    { label: t('outOfStock'), value: data.outOfStock, tone: data.outOfStock > 0 ? 'bad' : undefined },
    { label: t('lowStock'), value: data.lowStock, tone: data.lowStock > 0 ? 'warn' : undefined },
    { label: t('units'), value: data.units },
  ];
  return (
    <section aria-label={t('label')}>
      <dl className="grid grid-cols-6 gap-2 sm:gap-3 lg:grid-cols-5">
        {items.map((i, idx) => (
          <div
            key={i.label}
            className={`rounded-2xl border bg-white px-3 py-2.5 shadow-sm sm:p-4 lg:col-span-1 ${idx < 3 ? 'col-span-2' : 'col-span-3'} ${
              i.tone === 'bad' ? 'border-red-200' : i.tone === 'warn' ? 'border-amber-200' : 'border-zinc-200'
            }`}
          >
            <dt className="text-xs font-medium text-zinc-600 sm:text-sm">{i.label}</dt>
            <dd
              className={`mt-0.5 text-xl font-semibold tabular-nums sm:text-2xl ${
                i.tone === 'bad' ? 'text-red-700' : i.tone === 'warn' ? 'text-amber-700' : 'text-zinc-900'
              }`}
            >
              {formatCount(i.value, locale)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
