'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { MessageDTO } from '@/server/services/chat/types';

function useWhen(): (iso: string) => string {
  const format = useFormatter();
  return (iso) => {
    const d = new Date(iso);
    const time = format.dateTime(d, { hour: '2-digit', minute: '2-digit' });
    return d.toDateString() === new Date().toDateString() ? time : `${format.dateTime(d, { day: 'numeric', month: 'short' })} · ${time}`;
  };
}

/**
 * The thread. Message text is rendered as React text (never HTML): a buyer typing markup sees their markup, nothing
 * runs. `mine` says which side is the viewer's (right-aligned).
 */
export function MessageList({ messages, mine, testId = 'messages' }: { messages: MessageDTO[]; mine: 'buyer' | 'seller'; testId?: string }) {
  const t = useTranslations('chat.messages');
  const when = useWhen();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);
  if (!messages.length) return <p className="py-10 text-center text-sm text-zinc-500">{t('empty')}</p>;
  return (
    <ol className="flex flex-col gap-2 py-2" data-testid={testId} aria-live="polite">
      {messages.map((m) => {
        const own = m.sender === mine;
        return (
          <li key={m.id} className={`flex ${own ? 'justify-end' : 'justify-start'}`} data-sender={m.sender}>
            <div className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm shadow-sm ${own ? 'rounded-br-md bg-violet-600 text-white' : 'rounded-bl-md bg-white text-zinc-900 ring-1 ring-zinc-200'}`}>
              {m.attachments.length ? (
                <div className="mb-1 grid grid-cols-2 gap-1">
                  {m.attachments.map((a) => (
                    <a key={a.mediaId} href={a.url} target="_blank" rel="noreferrer" className="block">
                      {/* eslint-disable-next-line @next/next/no-img-element -- user photos of any size, opened full-size on tap */}
                      <img src={a.url} alt={t('photo')} width={a.width ?? 400} height={a.height ?? 400} className="h-28 w-full rounded-xl object-cover" loading="lazy" />
                    </a>
                  ))}
                </div>
              ) : null}
              {m.body ? <p className="whitespace-pre-wrap break-words" data-testid="message-body">{m.body}</p> : null}
              <p className={`mt-1 text-right text-[11px] ${own ? 'text-violet-100' : 'text-zinc-400'}`}>{when(m.createdAt)}</p>
            </div>
          </li>
        );
      })}
      <div ref={end} />
    </ol>
  );
}

/** Merges live messages into a thread: by id, in time order (a resend or an event echo never doubles a bubble). */
export function mergeMessages(current: MessageDTO[], incoming: MessageDTO[]): MessageDTO[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
