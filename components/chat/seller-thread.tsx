'use client';

import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { formatMoney } from '@/components/ui/money';
import type { SellerThread } from '@/server/services/chat/reads';
import type { MessageDTO, StoreChatEvent, SuggestionDTO, SummaryDTO } from '@/server/services/chat/types';
import { Composer, newClientId } from './composer';
import { mergeMessages, MessageList } from './message-list';

/**
 * One conversation for the seller: live thread, AI reply chips for the newest buyer message (tap = send as is,
 * ✎ = edit first — never sent without a tap), the summary card, and "mark done".
 */
export function SellerThreadView({ storeId, initial }: { storeId: string; initial: SellerThread }) {
  const t = useTranslations('chat.thread');
  const locale = useLocale();
  const trpc = useTRPC();
  const convId = initial.conversation.id;
  const [messages, setMessages] = useState<MessageDTO[]>(initial.messages);
  const [suggestions, setSuggestions] = useState<SuggestionDTO[]>(initial.suggestions);
  const [summary, setSummary] = useState<SummaryDTO | null>(initial.summary);
  const [status, setStatus] = useState(initial.conversation.status);
  const [draft, setDraft] = useState('');
  const [fromSuggestion, setFromSuggestion] = useState<{ id: string; index: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const markRead = useMutation(trpc.inbox.markRead.mutationOptions());
  const reply = useMutation(trpc.inbox.reply.mutationOptions());
  const summarize = useMutation(trpc.inbox.summarize.mutationOptions());
  const setStatusM = useMutation(trpc.inbox.setStatus.mutationOptions());

  useEffect(() => {
    if (initial.conversation.unread) markRead.mutate({ storeId, conversationId: convId });
    // Only on open: new messages while open are marked read below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useSubscription(
    trpc.inbox.events.subscriptionOptions(
      { storeId, lastEventId: String(initial.cursor) },
      {
        onData: ({ data }) => {
          const ev = data as StoreChatEvent;
          if (ev.type === 'message' && ev.message.conversationId === convId) {
            setMessages((m) => mergeMessages(m, [ev.message]));
            if (ev.message.sender === 'buyer') markRead.mutate({ storeId, conversationId: convId });
          } else if (ev.type === 'suggestions' && ev.suggestion.conversationId === convId) {
            setSuggestions((s) => [ev.suggestion, ...s.filter((x) => x.id !== ev.suggestion.id)]);
          } else if (ev.type === 'summary' && ev.summary.conversationId === convId) {
            setSummary(ev.summary);
          } else if (ev.type === 'conversation' && ev.conversation.id === convId) {
            setStatus(ev.conversation.status);
          }
        },
      },
    ),
  );

  const lastBuyer = [...messages].reverse().find((m) => m.sender === 'buyer');
  const answered = lastBuyer ? messages.some((m) => m.sender === 'seller' && m.createdAt > lastBuyer.createdAt) : true;
  const current = lastBuyer ? suggestions.find((s) => s.messageId === lastBuyer.id) : undefined;

  async function send(msg: { body: string; attachments: string[]; clientId: string }, suggestion?: { id: string; index: number } | null) {
    setError(null);
    const r = await reply.mutateAsync({ storeId, conversationId: convId, ...msg, suggestionId: suggestion?.id, suggestionIndex: suggestion?.index });
    setMessages((m) => mergeMessages(m, [r.message]));
    setFromSuggestion(null);
  }

  const c = initial.conversation;
  return (
    <div className="flex min-h-[calc(100dvh-9rem)] flex-col">
      <header className="space-y-2 rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
        <div className="flex items-center justify-between gap-2">
          <div className="min-w-0">
            <Link href={`/dashboard/inbox/${storeId}`} className="text-sm text-zinc-500">
              {t('back')}
            </Link>
            <h1 className="truncate text-lg font-bold text-zinc-900">{c.buyer.name}</h1>
          </div>
          <div className="flex shrink-0 gap-2">
            <Link href={`/dashboard/tiendas/${storeId}/clientes/${encodeURIComponent(c.buyer.id)}`} className="flex min-h-10 items-center rounded-full px-3 text-sm text-violet-700 ring-1 ring-violet-200">
              {t('profile')}
            </Link>
            <button
              type="button"
              onClick={async () => {
                const next = status === 'done' ? 'open' : 'done';
                await setStatusM.mutateAsync({ storeId, conversationId: convId, status: next });
                setStatus(next);
              }}
              className={`min-h-10 rounded-full px-3 text-sm font-medium ${status === 'done' ? 'bg-emerald-100 text-emerald-800' : 'bg-zinc-900 text-white'}`}
            >
              {status === 'done' ? t('done') : t('markDone')}
            </button>
          </div>
        </div>
        {c.product ? (
          <p className="text-sm text-zinc-600">
            {t.rich('asksAbout', {
              title: c.product.title,
              price: formatMoney(c.product.price, c.product.currency, locale),
              b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
            })}
          </p>
        ) : null}
        {c.order ? (
          <p className="text-sm text-zinc-600">
            {t.rich('aboutOrder', {
              number: String(c.order.number),
              link: (chunks) => (
                <Link className="font-medium text-violet-700" href={`/dashboard/tiendas/${storeId}/pedidos/${c.order!.id}`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
        <SummaryCard
          summary={summary}
          busy={summarize.isPending}
          onSummarize={async () => setSummary(await summarize.mutateAsync({ storeId, conversationId: convId }))}
        />
      </header>

      <div className="flex-1 px-1">
        <MessageList messages={messages} mine="seller" />
      </div>

      <div className="sticky bottom-16 z-10 -mx-1 md:bottom-0">
        {!answered && current?.replies.length ? (
          <div className="space-y-1.5 bg-zinc-50/95 px-2 pb-2 pt-1" data-testid="suggestions">
            <p className="text-xs font-medium text-zinc-500">{t('suggested')}</p>
            {current.replies.map((r, i) => (
              <div key={i} className="flex items-stretch gap-1">
                <button
                  type="button"
                  disabled={reply.isPending}
                  onClick={() => send({ body: r.text, attachments: [], clientId: newClientId() }, { id: current.id, index: i }).catch((e: Error) => setError(e.message))}
                  className="min-h-11 flex-1 rounded-2xl bg-white px-3 py-2 text-left text-sm text-zinc-900 ring-1 ring-violet-200 hover:ring-violet-400"
                  data-testid="suggestion-chip"
                  title={t(`style.${r.style}`)}
                >
                  {r.text}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setDraft(r.text);
                    setFromSuggestion({ id: current.id, index: i });
                  }}
                  className="w-11 shrink-0 rounded-2xl bg-white text-zinc-600 ring-1 ring-zinc-200"
                  aria-label={t('edit')}
                >
                  ✎
                </button>
              </div>
            ))}
          </div>
        ) : null}
        {error ? <p className="px-3 text-sm text-red-600" role="alert">{error}</p> : null}
        <Composer storeId={storeId} value={draft} onChange={setDraft} placeholder={t('replyPlaceholder')} onSend={(msg) => send(msg, fromSuggestion)} />
      </div>
    </div>
  );
}

function SummaryCard({ summary, busy, onSummarize }: { summary: SummaryDTO | null; busy: boolean; onSummarize: () => void }) {
  const t = useTranslations('chat.thread.summary');
  return (
    <details className="rounded-xl bg-violet-50 p-2 text-sm" open={Boolean(summary)} data-testid="summary">
      <summary className="flex min-h-8 cursor-pointer items-center justify-between gap-2 font-medium text-violet-900">
        <span>{t('title')}</span>
        <button type="button" onClick={(e) => { e.preventDefault(); onSummarize(); }} disabled={busy} className="rounded-full bg-white px-3 py-1 text-xs font-semibold text-violet-700 ring-1 ring-violet-200">
          {busy ? t('summarizing') : summary ? t('update') : t('summarize')}
        </button>
      </summary>
      {summary ? (
        <dl className="mt-2 space-y-1.5 text-zinc-800">
          <div>
            <dt className="text-xs font-semibold uppercase text-violet-700">{t('wants')}</dt>
            <dd>{summary.wants}</dd>
          </div>
          {summary.openQuestions.length ? (
            <div>
              <dt className="text-xs font-semibold uppercase text-violet-700">{t('open')}</dt>
              <dd>
                <ul className="list-inside list-disc">
                  {summary.openQuestions.map((q, i) => (
                    <li key={i}>{q}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-xs font-semibold uppercase text-violet-700">{t('next')}</dt>
            <dd>{summary.nextStep}</dd>
          </div>
        </dl>
      ) : (
        <p className="mt-1 text-zinc-600">{t('empty')}</p>
      )}
    </details>
  );
}
