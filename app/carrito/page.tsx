import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';

export const metadata: Metadata = { title: 'Carrito', robots: { index: false } };

export default function CarritoPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900">Tu carrito</h1>
      <CartView />
    </main>
  );
}
