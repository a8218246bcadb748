import type { Metadata } from 'next';
import { BuyerInbox } from '@/components/chat/buyer-views';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Mensajes', robots: { index: false } };

export default async function MensajesPage() {
  await requireUser('/mensajes');
  const list = await (await api()).chat.list();
  return (
    <main className="mx-auto max-w-2xl px-4 pb-16 pt-6">
      <h1 className="mb-4 text-2xl font-bold tracking-tight text-zinc-900">Mensajes</h1>
      <BuyerInbox initial={{ items: list.items, cursor: list.cursor }} />
    </main>
  );
}
