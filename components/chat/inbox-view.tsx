'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import type { InboxCounts } from '@/server/services/chat/reads';
import type { InboxFilter } from '@/server/services/chat/schemas';
import type { ConversationRow, StoreChatEvent } from '@/server/services/chat/types';
import { ConversationList, upsertRow } from './conversation-list';

const TABS: Array<{ id: InboxFilter; count?: keyof InboxCounts }> = [{ id: 'all', count: 'open' }, { id: 'unread', count: 'unread' }, { id: 'unanswered', count: 'unanswered' }, { id: 'done' }];

function matches(filter: InboxFilter, c: ConversationRow): boolean {
  if (filter === 'unread') return c.unread > 0;
  if (filter === 'unanswered') return c.lastSender === 'buyer' && c.status === 'open';
  if (filter === 'done') return c.status === 'done';
  return c.status === 'open';
}

/**
 * The inbox list: rendered on the server, then kept live from the store's channel, starting at the cursor the server
 * read with the list (nothing falls in between). Filters and search are URL state (shareable, back button).
 */
export function InboxView(props: {
  storeId: string;
  initial: { items: ConversationRow[]; counts: InboxCounts; cursor: number; nextBefore: string | null };
  products: Array<{ id: string; title: string; conversations: number }>;
  filter: InboxFilter;
  productId?: string;
  q?: string;
}) {
  const t = useTranslations('chat.inbox');
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const pathname = usePathname();
  const [items, setItems] = useState(props.initial.items);
  const [counts, setCounts] = useState(props.initial.counts);
  const searching = Boolean(props.q || props.productId);

  useSubscription(
    trpc.inbox.events.subscriptionOptions(
      { storeId: props.storeId, lastEventId: String(props.initial.cursor) },
      {
        onData: ({ data }) => {
          const ev = data as StoreChatEvent;
          if (ev.type !== 'message' && ev.type !== 'conversation') return;
          // With a search or product filter the server decides what matches; refresh instead of guessing.
          if (searching) return router.refresh();
          setItems((all) => upsertRow(all, ev.conversation, (c) => matches(props.filter, c)));
          setCounts((c) => ({ ...c, ...recount(ev, c) }));
        },
      },
    ),
  );

  function hrefWith(next: Record<string, string | undefined>): string {
    const sp = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(next)) {
      if (v) sp.set(k, v);
      else sp.delete(k);
    }
    const qs = sp.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  }
  const go = (next: Record<string, string | undefined>) => router.push(hrefWith(next));

  return (
    <div className="space-y-3">
      {/* The filters are URL state (shareable, back button): links with aria-current, not tabs. */}
      <nav aria-label={t('tablist')}>
        <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
          {TABS.map((tab) => (
            <li key={tab.id} className="shrink-0">
              <Link
                href={hrefWith({ filtro: tab.id === 'all' ? undefined : tab.id })}
                aria-current={props.filter === tab.id ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-full px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 ${props.filter === tab.id ? 'bg-zinc-900 text-white' : 'bg-white text-zinc-700 ring-1 ring-zinc-200'}`}
              >
                {t(`tabs.${tab.id}`)}
                {tab.count && counts[tab.count] ? <span className="ml-1 opacity-70">{counts[tab.count]}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
          go({ q: q || undefined });
        }}
      >
        <label htmlFor="inbox-q" className="sr-only">
          {t('search')}
        </label>
        <input id="inbox-q" name="q" defaultValue={props.q} placeholder={t('searchPlaceholder')} className="min-h-11 min-w-0 flex-1 rounded-xl border border-zinc-300 px-3 text-base" />
        {props.products.length ? (
          <select
            aria-label={t('product')}
            value={props.productId ?? ''}
            onChange={(e) => go({ producto: e.target.value || undefined })}
            className="min-h-11 max-w-[40%] rounded-xl border border-zinc-300 bg-white px-2 text-sm"
          >
            <option value="">{t('allProducts')}</option>
            {props.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.conversations})
              </option>
            ))}
          </select>
        ) : null}
      </form>
      <ConversationList
        items={items}
        side="seller"
        hrefFor={(c) => `/dashboard/inbox/${props.storeId}/${c.id}`}
        empty={searching ? t('noMatch') : props.filter === 'all' ? t('empty') : t('emptyFilter')}
      />
    </div>
  );
}

function recount(ev: Extract<StoreChatEvent, { type: 'message' | 'conversation' }>, c: InboxCounts): Partial<InboxCounts> {
  // The exact numbers come with the next page load; live, the unread badge follows the newest event.
  if (ev.type === 'message' && ev.message.sender === 'buyer') return { unreadMessages: c.unreadMessages + 1 };
  return {};
}
