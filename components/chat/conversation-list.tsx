'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ConversationRow } from '@/server/services/chat/types';

/** Rows of conversations; `side` decides whose name and which unread counter shows. */
export function ConversationList({ items, hrefFor, side, empty }: { items: ConversationRow[]; hrefFor: (c: ConversationRow) => string; side: 'buyer' | 'seller'; empty: string }) {
  const t = useTranslations('chat.list');
  const format = useFormatter();
  if (!items.length) return <p className="rounded-2xl bg-white p-6 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl bg-white ring-1 ring-zinc-200" data-testid="conversation-list">
      {items.map((c) => {
        const name = side === 'seller' ? c.buyer.name : c.store.name;
        const context = c.order ? t('order', { number: String(c.order.number) }) : c.product?.title;
        return (
          <li key={c.id}>
            {/* No prefetch: rows change live (a prefetched thread is stale at once) and each prefetch is a server render. */}
            <Link href={hrefFor(c)} prefetch={false} className="flex min-h-16 items-start gap-3 px-4 py-3 hover:bg-zinc-50" data-testid="conversation-row" data-unread={c.unread}>
              <span className="mt-0.5 flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-violet-100 text-sm font-bold text-violet-700" aria-hidden="true">
                {name.slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate text-sm ${c.unread ? 'font-bold text-zinc-900' : 'font-medium text-zinc-800'}`}>{name}</span>
                  <span className="shrink-0 text-xs text-zinc-400">{format.dateTime(new Date(c.lastMessageAt), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</span>
                </span>
                {context ? <span className="block truncate text-xs text-violet-700">{context}</span> : null}
                <span className="flex items-center justify-between gap-2">
                  <span className={`truncate text-sm ${c.unread ? 'text-zinc-900' : 'text-zinc-500'}`}>
                    {c.lastSender === (side === 'seller' ? 'seller' : 'buyer') ? t('you') : ''}
                    {c.lastMessagePreview}
                  </span>
                  {c.unread ? (
                    <span className="flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-violet-600 px-1.5 text-xs font-bold text-white" aria-label={t('unread', { count: c.unread })}>
                      {c.unread}
                    </span>
                  ) : side === 'seller' && c.status === 'done' ? (
                    <span className="shrink-0 text-xs text-emerald-600">{t('done')}</span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Puts an updated row first (newest activity on top) or in place. */
export function upsertRow(items: ConversationRow[], row: ConversationRow, keep: (c: ConversationRow) => boolean = () => true): ConversationRow[] {
  const rest = items.filter((c) => c.id !== row.id);
  if (!keep(row)) return rest;
  return [row, ...rest].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
}
