import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { BuyerThreadView } from '@/components/chat/buyer-views';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat.buyer'))('threadTitle'), robots: { index: false } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  await requireUser(`/mensajes/${conversationId}`);
  if (!UUID.test(conversationId)) notFound();
  const thread = await (await api()).chat.thread({ conversationId }).catch((e) => {
    if (e instanceof TRPCError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  return (
    <main className="mx-auto max-w-2xl px-3 pt-3">
      <BuyerThreadView initial={thread} />
    </main>
  );
}
