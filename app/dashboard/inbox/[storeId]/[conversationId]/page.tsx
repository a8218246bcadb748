import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SellerThreadView } from '@/components/chat/seller-thread';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat.thread'))('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SellerConversationPage({ params }: { params: Promise<{ storeId: string; conversationId: string }> }) {
  const { storeId, conversationId } = await params;
  await requireUser(`/dashboard/inbox/${storeId}/${conversationId}`);
  const store = await sellerStoreOr404(storeId);
  if (!UUID.test(conversationId)) notFound();
  const thread = await (await api()).inbox.thread({ storeId: store.id, conversationId }).catch((e) => {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  return <SellerThreadView storeId={store.id} initial={thread} />;
}
