import { FormSkeleton, PageHeaderSkeleton } from '@/components/dashboard/skeleton';

export default function Loading() {
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeaderSkeleton />
      <FormSkeleton fields={6} />
    </div>
  );
}
