import { usePlanCopy, usageLevel } from './plan-copy';

/** "12 de 20 productos activos" with a progress bar that turns amber near the limit and red at it. */
export function UsageBar({ resource, usage, limit }: { resource: 'activeProducts' | 'stores'; usage: number; limit: number }) {
  const { t, count } = usePlanCopy();
  const label = t(resource === 'stores' ? 'storesNoun' : 'activeProductsNoun', { count: limit });
  const level = usageLevel(usage, limit);
  const pct = limit > 0 ? Math.min(100, Math.round((usage / limit) * 100)) : 100;
  const color = level === 'full' ? 'bg-amber-500' : level === 'near' ? 'bg-amber-400' : 'bg-violet-600';
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="text-zinc-800">
          {t.rich('usage', {
            usage: count(usage),
            limit: count(limit),
            label,
            b: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
          })}
        </span>
        <span className={`text-xs font-medium ${level === 'ok' ? 'text-zinc-500' : 'text-amber-800'}`}>
          {level === 'full' ? t('full') : `${pct}%`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(usage, limit)}
        aria-valuetext={t('usageText', { usage, limit, label })}
        className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-zinc-200"
      >
        <div className={`h-full rounded-full ${color}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
