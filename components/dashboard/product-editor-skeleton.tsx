import { useTranslations } from 'next-intl';
import { PageHeaderSkeleton, Skeleton } from './skeleton';

export function ProductEditorSkeleton() {
  const t = useTranslations('dashboard.list');
  const tc = useTranslations('common');
  return (
    <div className="space-y-5" role="status" aria-label={t('loadingProduct')}>
      <PageHeaderSkeleton />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-5">
          <div className="rounded-2xl border border-zinc-200 bg-white p-4">
            <Skeleton className="h-4 w-20" />
            <div className="mt-3 grid grid-cols-3 gap-3 sm:grid-cols-4">
              <Skeleton className="aspect-square" />
              <Skeleton className="aspect-square" />
              <Skeleton className="aspect-square" />
            </div>
          </div>
          <div className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-11" />
            <Skeleton className="h-28" />
          </div>
        </div>
        <div className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-4">
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-11" />
          <Skeleton className="h-11" />
          <Skeleton className="h-11" />
        </div>
      </div>
      <span className="sr-only">{tc('loading')}</span>
    </div>
  );
}
