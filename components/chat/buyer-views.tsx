'use client';

import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import type { BuyerThread } from '@/server/services/chat/reads';
import type { BuyerChatEvent, ConversationRow, MessageDTO } from '@/server/services/chat/types';
import { Composer } from './composer';
import { ConversationList, upsertRow } from './conversation-list';
import { mergeMessages, MessageList } from './message-list';

/** `/mensajes`: the buyer's conversations, live. */
export function BuyerInbox({ initial }: { initial: { items: ConversationRow[]; cursor: number } }) {
  const t = useTranslations('chat.buyer');
  const trpc = useTRPC();
  const [items, setItems] = useState(initial.items);
  useSubscription(
    trpc.chat.events.subscriptionOptions(
      { lastEventId: String(initial.cursor) },
      { onData: ({ data }) => setItems((all) => upsertRow(all, (data as BuyerChatEvent).conversation)) },
    ),
  );
  return <ConversationList items={items} side="buyer" hrefFor={(c) => `/mensajes/${c.id}`} empty={t('empty')} />;
}

/** `/mensajes/[id]`: one conversation with a store, live. */
export function BuyerThreadView({ initial }: { initial: BuyerThread }) {
  const t = useTranslations('chat.buyer');
  const trpc = useTRPC();
  const id = initial.conversation.id;
  const [messages, setMessages] = useState<MessageDTO[]>(initial.messages);
  const send = useMutation(trpc.chat.send.mutationOptions());
  const markRead = useMutation(trpc.chat.markRead.mutationOptions());

  useEffect(() => {
    if (initial.conversation.unread) markRead.mutate({ conversationId: id });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useSubscription(
    trpc.chat.events.subscriptionOptions(
      { lastEventId: String(initial.cursor) },
      {
        onData: ({ data }) => {
          const ev = data as BuyerChatEvent;
          if (ev.type !== 'message' || ev.message.conversationId !== id) return;
          setMessages((m) => mergeMessages(m, [ev.message]));
          if (ev.message.sender === 'seller') markRead.mutate({ conversationId: id });
        },
      },
    ),
  );

  const c = initial.conversation;
  return (
    <div className="flex min-h-[calc(100dvh-8rem)] flex-col">
      <header className="flex items-center gap-3 rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
        <Link href="/mensajes" className="-m-2 flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-lg text-zinc-500 hover:bg-zinc-100" aria-label={t('back')}>
          ←
        </Link>
        <div className="min-w-0">
          <h1 className="truncate text-lg font-bold text-zinc-900">
            <Link href={`/s/${c.store.slug}`}>{c.store.name}</Link>
          </h1>
          {c.product ? (
            <Link href={`/s/${c.store.slug}/p/${c.product.slug}`} className="block truncate text-sm text-violet-700">
              {c.product.title}
            </Link>
          ) : c.order ? (
            <Link href={`/pedidos/${c.order.id}`} className="block text-sm text-violet-700">
              {t('order', { number: String(c.order.number) })}
            </Link>
          ) : null}
        </div>
      </header>
      <div className="flex-1">
        <MessageList messages={messages} mine="buyer" />
      </div>
      <div className="sticky bottom-0">
        <Composer
          onSend={async (msg) => {
            const r = await send.mutateAsync({ conversationId: id, ...msg });
            setMessages((m) => mergeMessages(m, [r.message]));
          }}
        />
      </div>
    </div>
  );
}

/** `/mensajes/nuevo`: the first message to a store, with the product/order it is about. */
export function StartConversation({ storeId, productId, orderId, suggestion }: { storeId: string; productId?: string; orderId?: string; suggestion: string }) {
  const t = useTranslations('chat.buyer');
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.chat.start.mutationOptions());
  const [text, setText] = useState(suggestion);
  return (
    <Composer
      autoFocus
      value={text}
      onChange={setText}
      placeholder={t('ask')}
      onSend={async (msg) => {
        const r = await start.mutateAsync({ storeId, productId, orderId, ...msg });
        router.replace(`/mensajes/${r.conversation.id}`);
      }}
    />
  );
}
