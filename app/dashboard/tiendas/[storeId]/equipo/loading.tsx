import { FormSkeleton, PageHeaderSkeleton } from '@/components/dashboard/skeleton';

export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl space-y-5" aria-busy="true">
      <PageHeaderSkeleton />
      <FormSkeleton fields={2} />
    </div>
  );
}
