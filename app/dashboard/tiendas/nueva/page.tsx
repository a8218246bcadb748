import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { PlanLimitBanner } from '@/components/dashboard/plan-limit-banner';
import { PageHeader } from '@/components/dashboard/page-header';
import { currencyForAcceptLanguage } from '@/components/store/currency';
import { StoreForm } from '@/components/store/store-form';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Abre tu tienda' };

export default async function NewStorePage() {
  await requireUser('/dashboard/tiendas/nueva');
  const usage = await (await api()).plan.usage();
  const currency = currencyForAcceptLanguage((await headers()).get('accept-language'));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Abre tu tienda"
        description="Solo el nombre y la moneda son obligatorios; lo demás lo puedes completar después."
        back={{ href: '/dashboard', label: 'Panel' }}
      />
      <PlanLimitBanner usage={usage} resource="stores" />
      <StoreForm
        mode="create"
        defaults={{ name: '', slug: '', description: '', logoMediaId: null, brandColor: '#7c3aed', whatsapp: '', currency }}
      />
    </div>
  );
}
