import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InboxView } from '@/components/chat/inbox-view';
import { firstParam, sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { requireUser } from '@/server/auth/require-user';
import { INBOX_FILTERS, type InboxFilter } from '@/server/services/chat/schemas';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat.inbox'))('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxPage({ params, searchParams }: { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { storeId } = await params;
  await requireUser(`/dashboard/inbox/${storeId}`);
  const store = await sellerStoreOr404(storeId);
  const sp = await searchParams;
  const f = firstParam(sp.filtro);
  const filter: InboxFilter = (INBOX_FILTERS as readonly string[]).includes(f ?? '') ? (f as InboxFilter) : 'all';
  const p = firstParam(sp.producto);
  const productId = p && UUID.test(p) ? p : undefined;
  const q = firstParam(sp.q)?.slice(0, 100) || undefined;
  const trpc = await api();
  const [list, products, t] = await Promise.all([trpc.inbox.list({ storeId: store.id, filter, productId, q }), trpc.inbox.products({ storeId: store.id }), getTranslations('chat.inbox')]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={`${store.name} · ${list.counts.unanswered ? t('unanswered', { count: list.counts.unanswered }) : t('allAnswered')}`} />
      <InboxView key={`${filter}|${productId ?? ''}|${q ?? ''}`} storeId={store.id} initial={list} products={products} filter={filter} productId={productId} q={q} />
    </div>
  );
}
