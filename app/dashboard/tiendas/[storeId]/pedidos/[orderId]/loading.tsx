import { FormSkeleton, PageHeaderSkeleton } from '@/components/dashboard/skeleton';

export default function Loading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <PageHeaderSkeleton />
      <FormSkeleton fields={4} />
    </div>
  );
}
