import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CartView } from '@/components/cart/cart-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cart');
  return { title: t('title'), robots: { index: false } };
}

export default async function CarritoPage() {
  const t = await getTranslations('cart');
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900">{t('heading')}</h1>
      <CartView />
    </main>
  );
}
