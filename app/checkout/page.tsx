import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { getCurrentUser } from '@/server/auth/require-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkout');
  return { title: t('title'), robots: { index: false } };
}

export default async function CheckoutPage() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations('checkout')]);
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <Link href="/carrito" className="text-sm text-zinc-600 hover:underline">
        {t('backToCart')}
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-zinc-900">{t('heading')}</h1>
      {!user && (
        <p className="mt-1 text-sm text-zinc-600">
          {t.rich('guest', {
            signIn: (chunks) => (
              <Link href="/ingresar?next=/checkout" className="font-medium text-violet-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <CheckoutForm defaultContact={{ name: user?.name ?? '', email: user?.email ?? '' }} />
    </main>
  );
}
