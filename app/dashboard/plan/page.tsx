import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/dashboard/page-header';
import { PlanOverview } from '@/components/dashboard/plan-overview';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('plan') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PlanPage({ searchParams }: { searchParams: Promise<{ pago?: string | string[] }> }) {
  await requireUser('/dashboard/plan');
  const { pago } = await searchParams;
  // The provider sends the payer back with ?pago=<checkout id>; anything else is ignored rather than an error page.
  const checkoutId = typeof pago === 'string' && UUID.test(pago) ? pago : undefined;
  const caller = await api();
  const [usage, billing, t] = await Promise.all([caller.plan.usage(), caller.billing.status({ checkoutId }), getTranslations('dashboard.pages')]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('plan')} description={t('planText')} />
      <PlanOverview data={usage} billing={billing} />
    </div>
  );
}
