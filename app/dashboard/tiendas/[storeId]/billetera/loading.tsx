import { CardsSkeleton, PageHeaderSkeleton, ProductListSkeleton } from '@/components/dashboard/skeleton';

export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl space-y-5" aria-busy="true">
      <PageHeaderSkeleton />
      <CardsSkeleton count={3} />
      <ProductListSkeleton rows={4} />
    </div>
  );
}
