import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderDetail } from '@/components/orders/order-detail';
import { getCurrentUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('orders');
  return { title: t('orderTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PedidoPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const t = (await searchParams).t;
  const token = typeof t === 'string' ? t : undefined;
  const user = await getCurrentUser();
  let order;
  try {
    order = await (await api()).order.get({ orderId, token });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) {
      // A signed-out visitor without the link's token may simply need to sign in.
      if (!user && !token) redirect(`/ingresar?next=${encodeURIComponent(`/pedidos/${orderId}`)}`);
      notFound();
    }
    throw err;
  }
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      {user && (
        <Link href="/pedidos" className="text-sm text-zinc-600 hover:underline">
          {(await getTranslations('orders'))('back')}
        </Link>
      )}
      <div className="mt-2">
        <OrderDetail order={order} />
      </div>
    </main>
  );
}
