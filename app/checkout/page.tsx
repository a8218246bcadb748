import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { getCurrentUser } from '@/server/auth/require-user';

export const metadata: Metadata = { title: 'Pagar', robots: { index: false } };

export default async function CheckoutPage() {
  const user = await getCurrentUser();
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <Link href="/carrito" className="text-sm text-zinc-600 hover:underline">
        ← Volver al carrito
      </Link>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-zinc-900">Finalizar compra</h1>
      {!user && (
        <p className="mt-1 text-sm text-zinc-600">
          Compras como invitado.{' '}
          <Link href="/ingresar?next=/checkout" className="font-medium text-violet-700 hover:underline">
            Ingresa
          </Link>{' '}
          para ver tus pedidos en tu cuenta.
        </p>
      )}
      <CheckoutForm defaultContact={{ name: user?.name ?? '', email: user?.email ?? '' }} />
    </main>
  );
}
