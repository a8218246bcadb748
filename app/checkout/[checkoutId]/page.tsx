import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PaymentStatus } from '@/components/checkout/payment-status';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('statusTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

type Props = { params: Promise<{ checkoutId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentReturnPage({ params, searchParams }: Props) {
  const { checkoutId } = await params;
  const t = (await searchParams).t;
  if (!z.string().uuid().safeParse(checkoutId).success) notFound();
  const token = typeof t === 'string' && t.length >= 16 && t.length <= 128 ? t : undefined;
  return (
    <main className="mx-auto max-w-xl px-4 pb-16 pt-8">
      <PaymentStatus checkoutId={checkoutId} token={token} />
    </main>
  );
}
