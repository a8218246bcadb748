import { CardsSkeleton, ProductListSkeleton, Skeleton } from '@/components/dashboard/skeleton';

export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <div className="flex items-center gap-3">
        <Skeleton className="size-13 rounded-2xl" />
        <div className="space-y-2">
          <Skeleton className="h-6 w-44" />
          <Skeleton className="h-4 w-32" />
        </div>
      </div>
      <CardsSkeleton count={5} />
      <Skeleton className="h-36 rounded-2xl lg:h-24" />
      <ProductListSkeleton />
    </div>
  );
}
