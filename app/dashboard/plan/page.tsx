import type { Metadata } from 'next';
import { PageHeader } from '@/components/dashboard/page-header';
import { PlanOverview } from '@/components/dashboard/plan-overview';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Tu plan' };

export default async function PlanPage() {
  await requireUser('/dashboard/plan');
  const usage = await (await api()).plan.usage();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Tu plan" description="Los límites se aplican a todas tus tiendas juntas." />
      <PlanOverview data={usage} />
    </div>
  );
}
