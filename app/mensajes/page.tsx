import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BuyerInbox } from '@/components/chat/buyer-views';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat.buyer'))('title'), robots: { index: false } };
}

export default async function MensajesPage() {
  await requireUser('/mensajes');
  const [list, t] = await Promise.all([(await api()).chat.list(), getTranslations('chat.buyer')]);
  return (
    <main className="mx-auto max-w-2xl px-4 pb-16 pt-6">
      <h1 className="mb-4 text-2xl font-bold tracking-tight text-zinc-900">{t('title')}</h1>
      <BuyerInbox initial={{ items: list.items, cursor: list.cursor }} />
    </main>
  );
}
