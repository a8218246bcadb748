import { useTranslations } from 'next-intl';

/** Grey placeholders shaped like the content that is loading (no spinners). */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-zinc-200/80 ${className}`} />;
}

export function PageHeaderSkeleton() {
  return (
    <div className="space-y-2">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-72 max-w-full" />
    </div>
  );
}

export function ProductListSkeleton({ rows = 5 }: { rows?: number }) {
  const t = useTranslations('dashboard.list');
  const tc = useTranslations('common');
  return (
    <div role="status" aria-label={t('loadingProducts')} className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <Skeleton className="h-11 flex-1" />
        <Skeleton className="h-11 w-full sm:w-64" />
      </div>
      <ul className="divide-y divide-zinc-100 rounded-2xl border border-zinc-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <li key={i} className="flex items-center gap-3 p-3">
            <Skeleton className="size-14 shrink-0 rounded-xl" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-3/5" />
              <Skeleton className="h-3 w-2/5" />
            </div>
            <Skeleton className="h-11 w-20" />
          </li>
        ))}
      </ul>
      <span className="sr-only">{tc('loading')}</span>
    </div>
  );
}

export function CardsSkeleton({ count = 5 }: { count?: number }) {
  return (
    <div className="grid grid-cols-6 gap-2 sm:gap-3 lg:grid-cols-5">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className={`h-16 sm:h-20 lg:col-span-1 ${i < 3 ? 'col-span-2' : 'col-span-3'}`} />
      ))}
    </div>
  );
}

export function FormSkeleton({ fields = 6 }: { fields?: number }) {
  const t = useTranslations('dashboard.list');
  const tc = useTranslations('common');
  return (
    <div
      role="status"
      aria-label={t('loadingForm')}
      className="space-y-5 rounded-2xl border border-zinc-200 bg-white p-4 sm:p-6"
    >
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-11 w-full" />
        </div>
      ))}
      <Skeleton className="h-11 w-40" />
      <span className="sr-only">{tc('loading')}</span>
    </div>
  );
}
