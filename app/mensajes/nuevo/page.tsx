import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { StartConversation } from '@/components/chat/buyer-views';
import { formatMoney } from '@/components/ui/money';
import { requireUser } from '@/server/auth/require-user';
import { getDb } from '@/server/db/client';
import { orders, products, stores } from '@/server/db/schema';
import { api } from '@/server/trpc/server';
import { redirect } from 'next/navigation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat.buyer'))('newTitle'), robots: { index: false } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Opened by "Preguntar al vendedor" (product page, store page, order page). An existing thread with the store is
 * continued: the first message here joins it with the new context. */
export default async function NewConversationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const storeId = one(sp.tienda);
  const productId = one(sp.producto);
  const orderId = one(sp.pedido);
  const q = new URLSearchParams(Object.entries({ tienda: storeId, producto: productId, pedido: orderId }).filter((e): e is [string, string] => Boolean(e[1])));
  const user = await requireUser(`/mensajes/nuevo?${q.toString()}`);
  if (!storeId || !UUID.test(storeId) || (productId && !UUID.test(productId)) || (orderId && !UUID.test(orderId))) notFound();
  const db = getDb();
  const [store] = await db.select({ name: stores.name, slug: stores.slug, status: stores.status }).from(stores).where(eq(stores.id, storeId));
  if (!store || store.status !== 'active') notFound();
  const [product] = productId ? await db.select({ title: products.title, price: products.priceMin, currency: products.currency, storeId: products.storeId }).from(products).where(eq(products.id, productId)) : [];
  if (productId && product?.storeId !== storeId) notFound();
  // Only the buyer's own order becomes the context (a guest order opened by link has no account attached).
  const [order] = orderId ? (await db.select({ number: orders.number, buyer: orders.buyerUserId, storeId: orders.storeId }).from(orders).where(eq(orders.id, orderId))).filter((o) => o.buyer === user.id && o.storeId === storeId) : [];
  // Already talking to this store and no new context: straight to that thread.
  const mine = await (await api()).chat.list();
  const existing = mine.items.find((c) => c.store.id === storeId);
  if (existing && !productId && !orderId) redirect(`/mensajes/${existing.id}`);
  const [t, locale] = await Promise.all([getTranslations('chat.buyer'), getLocale()]);
  const suggestion = product ? t('suggestProduct', { title: product.title }) : order ? t('suggestOrder', { number: String(order.number) }) : '';
  return (
    <main className="mx-auto flex min-h-[calc(100dvh-8rem)] max-w-2xl flex-col px-3 pt-4">
      <h1 className="text-xl font-bold text-zinc-900">{t('writeTo', { store: store.name })}</h1>
      {product ? (
        <p className="mt-1 text-sm text-zinc-600">
          {t.rich('about', { title: product.title, price: formatMoney(product.price, product.currency, locale), b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span> })}
        </p>
      ) : order ? (
        <p className="mt-1 text-sm text-zinc-600">{t('aboutOrder', { number: String(order.number) })}</p>
      ) : null}
      <p className="mt-3 flex-1 text-sm text-zinc-500">{t('hint')}</p>
      <div className="sticky bottom-0">
        <StartConversation storeId={storeId} productId={productId} orderId={order ? orderId : undefined} suggestion={suggestion} />
      </div>
    </main>
  );
}
