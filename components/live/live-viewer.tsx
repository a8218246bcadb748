'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CartView } from '@/components/cart/cart-view';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { LiveOffer } from '@/components/product/live-offer';
import { offerLabels } from '@/components/product/offer-labels';
import { useTRPC } from '@/components/providers/trpc';
import { useAfterHydration } from '@/components/ui/use-after-hydration';
import { formatMoney } from '@/components/ui/money';
import { useLocalDateTime } from '@/components/ui/use-local-date-time';
import type { Locale } from '@/server/i18n/config';
import type { LiveChatPayload } from '@/server/services/live/realtime';
import type { PublicShowPage } from '@/server/services/live/shows';
import { LivePlayer, type SeekRequest } from './live-player';
import { parseMetadata, useShowEvents } from './use-show-events';

type Sheet = { kind: 'product'; productId: string } | { kind: 'checkout' } | { kind: 'tip' } | null;

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function viewerKey(): string {
  const k = 'vita_live_viewer';
  let v = sessionStorage.getItem(k);
  if (!v) {
    v = crypto.randomUUID().replace(/-/g, '');
    sessionStorage.setItem(k, v);
  }
  return v;
}

/** The viewer's page: player, status and viewer count, pinned product card, chat over the video, buy and tip sheets, replay chapters. */
export function LiveViewer({ initial, user }: { initial: PublicShowPage; user: { name: string; email: string } | null }) {
  const t = useTranslations('live');
  const locale = useLocale();
  const startsAt = useLocalDateTime(initial.show.scheduledAt, locale);
  const trpc = useTRPC();
  const [status, setStatus] = useState(initial.show.status);
  const [playbackUrl, setPlaybackUrl] = useState(initial.playbackUrl);
  const [pin, setPin] = useState<{ pinId: string; productId: string; pinnedAt: string; card?: PinCard } | null>(initial.pin);
  const [chat, setChat] = useState<LiveChatPayload[]>(initial.chat);
  const [viewers, setViewers] = useState(initial.viewerCount);
  const [sheet, setSheet] = useState<Sheet>(null);
  const dialog = useAfterHydration(() => import('@/components/ui/dialog'));
  const [seek, setSeek] = useState<SeekRequest | null>(null);
  const [following, setFollowing] = useState(initial.following);
  const showId = initial.show.id;

  const applyPin = useCallback((p: { pinId: string; productId: string; card?: PinCard } | null) => setPin(p ? { pinId: p.pinId, productId: p.productId, pinnedAt: new Date().toISOString(), card: p.card } : null), []);

  useShowEvents(showId, initial.lastEventId, (e) => {
    if (e.kind === 'status') {
      setStatus(e.payload.status);
      // A show that just went live: fetch the playback URL (the page may have loaded before it started).
      if (e.payload.status === 'live' && !playbackUrl) void refetch();
      if (e.payload.status === 'ended') setPin(null);
    } else if (e.kind === 'pin') applyPin(e.payload);
    else if (e.kind === 'chat') setChat((c) => (c.some((m) => m.id === e.payload.id) ? c : [...c.slice(-199), e.payload]));
    else if (e.kind === 'chat.deleted') setChat((c) => c.filter((m) => !e.payload.ids.includes(m.id)));
    else if (e.kind === 'replay') void refetch();
  });

  const page = useQuery({ ...trpc.live.show.queryOptions({ slug: initial.show.slug }), enabled: false });
  const refetch = page.refetch;
  useEffect(() => {
    if (page.data) {
      setStatus(page.data.show.status);
      setPlaybackUrl(page.data.playbackUrl);
    }
  }, [page.data]);
  const replayUrl = page.data?.replayUrl ?? initial.replayUrl;
  const chapters = page.data?.chapters ?? initial.chapters;

  const beat = useMutation(trpc.live.heartbeat.mutationOptions({ onSuccess: (r) => setViewers(r.viewerCount) }));
  useEffect(() => {
    if (status !== 'live') return;
    const key = viewerKey();
    const send = () => beat.mutate({ showId, viewerKey: key });
    send();
    const timer = setInterval(send, 20_000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, showId]);

  const onMetadata = useCallback(
    (text: string) => {
      for (const m of parseMetadata(text)) {
        if (m.type === 'pin' && m.pinId && m.productId) applyPin({ pinId: m.pinId, productId: m.productId });
        if (m.type === 'unpin') applyPin(null);
      }
    },
    [applyPin],
  );

  const follow = useMutation(trpc.live[following ? 'unfollow' : 'follow'].mutationOptions({ onSuccess: (r) => setFollowing(r.following) }));
  const isLive = status === 'live' && !!playbackUrl;
  const src = isLive ? playbackUrl : status === 'ended' ? replayUrl : null;

  return (
    <div className="relative mx-auto flex h-[100dvh] max-w-6xl flex-col bg-black text-white lg:flex-row">
      <section className="relative min-h-0 flex-1">
        {src ? (
          <LivePlayer src={src} provider={initial.provider} onMetadata={onMetadata} seek={seek} unmuteLabel={t('unmute')} className="absolute inset-0" />
        ) : (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-zinc-900 p-6 text-center">
            {initial.cover && <img src={initial.cover} alt="" className="absolute inset-0 size-full object-cover opacity-40" data-testid="show-cover" />}
            <p className="relative text-lg font-semibold">{initial.show.title}</p>
            <p className="relative text-sm text-zinc-300">
              {status === 'ended' ? t('endedNoReplay') : t('startsAt', { when: startsAt })}
            </p>
          </div>
        )}

        <header className="absolute inset-x-0 top-0 flex items-center gap-2 bg-gradient-to-b from-black/70 to-transparent p-3">
          <Link href={`/s/${initial.store.slug}`} className="min-w-0 truncate text-sm font-semibold">
            {initial.store.name}
          </Link>
          {user ? (
            <button
              type="button"
              onClick={() => follow.mutate({ storeId: initial.store.id })}
              disabled={follow.isPending}
              className={`shrink-0 rounded-full px-3 py-1 text-xs font-semibold ${following ? 'bg-white/20' : 'bg-white text-black'}`}
              data-testid="follow-store"
            >
              {following ? `✓ ${t('following')}` : t('follow')}
            </button>
          ) : (
            <Link href={`/ingresar?next=${encodeURIComponent(`/live/${initial.show.slug}`)}`} prefetch={false} className="shrink-0 rounded-full bg-white px-3 py-1 text-xs font-semibold text-black" data-testid="follow-store">
              {t('follow')}
            </Link>
          )}
          <span className="ml-auto flex shrink-0 items-center gap-2 text-xs">
            {status === 'live' ? (
              <span className="whitespace-nowrap rounded bg-red-600 px-2 py-0.5 font-bold" data-testid="live-badge">
                {t('live')}
              </span>
            ) : (
              <span className="whitespace-nowrap rounded bg-zinc-700 px-2 py-0.5 font-semibold" data-testid="status-badge">
                {status === 'ended' ? (replayUrl ? t('replay') : t('ended')) : t('scheduled')}
              </span>
            )}
            {status === 'live' && (
              <span className="inline-flex items-center gap-1 whitespace-nowrap rounded bg-black/50 px-2 py-0.5">
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-3.5" aria-hidden="true">
                  <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z" />
                  <circle cx="12" cy="12" r="3" />
                </svg>
                {t('viewers', { count: viewers })}
              </span>
            )}
          </span>
        </header>

        {pin && status === 'live' && <PinnedCard showId={showId} productId={pin.productId} card={pin.card} onBuy={() => setSheet({ kind: 'product', productId: pin.productId })} />}

        {/* Chat over the video on phones, beside it on large screens. */}
        <div className="absolute inset-x-0 bottom-0 flex max-h-[45%] flex-col bg-gradient-to-t from-black/80 via-black/40 to-transparent lg:hidden">
          <ChatList chat={chat} />
          <ChatInput showId={showId} user={user} status={status} onTip={() => setSheet({ kind: 'tip' })} slug={initial.show.slug} />
        </div>
      </section>

      <aside className="hidden w-96 flex-col border-l border-white/10 bg-zinc-950 lg:flex">
        {status === 'ended' && chapters.length > 0 && <Chapters chapters={chapters} onSeek={(ms) => setSeek({ seconds: ms / 1000, n: Date.now() })} onBuy={(id) => setSheet({ kind: 'product', productId: id })} />}
        <ChatList chat={chat} />
        <ChatInput showId={showId} user={user} status={status} onTip={() => setSheet({ kind: 'tip' })} slug={initial.show.slug} />
      </aside>

      {/* Phones: the chapters sit below the player's unmute button (top-14, right), like the pin card. */}
      {status === 'ended' && chapters.length > 0 && (
        <div className="absolute inset-x-0 top-[6.5rem] max-h-40 overflow-y-auto lg:hidden">
          <Chapters chapters={chapters} onSeek={(ms) => setSeek({ seconds: ms / 1000, n: Date.now() })} onBuy={(id) => setSheet({ kind: 'product', productId: id })} />
        </div>
      )}

      {/* The Radix dialog loads after hydration (not in the player's first-load JS); a tap before opens it on arrival. */}
      {dialog && sheet ? (
        <dialog.Dialog open onOpenChange={(open) => (open ? undefined : setSheet(null))}>
          <dialog.DialogContent variant="sheet" hideTitle title={sheet.kind === 'product' ? t('buy') : sheet.kind === 'checkout' ? t('checkout') : t('tipTitle')} closeLabel={t('close')}>
            {sheet.kind === 'product' && <ProductSheet showId={showId} productId={sheet.productId} onCheckout={() => setSheet({ kind: 'checkout' })} />}
            {sheet.kind === 'checkout' && <CheckoutSheet user={user} />}
            {sheet.kind === 'tip' && <TipSheet showId={showId} currency={initial.store.currency} />}
          </dialog.DialogContent>
        </dialog.Dialog>
      ) : null}
    </div>
  );
}

type PinCard = { title: string; priceMin: number; currency: string };

/** Shows the pin event's title and price at once; the photo and buy-box data arrive with the product query. */
function PinnedCard({ showId, productId, card, onBuy }: { showId: string; productId: string; card?: PinCard; onBuy: () => void }) {
  const t = useTranslations('live');
  const locale = useLocale();
  const trpc = useTRPC();
  const q = useQuery(trpc.live.product.queryOptions({ showId, productId }));
  const p = q.data?.product;
  return (
    <div className="absolute left-3 right-3 top-[6.5rem] z-10 flex items-center gap-3 rounded-2xl bg-white/95 p-2 text-zinc-900 shadow-lg sm:right-auto sm:top-14 sm:w-80" data-testid="pin-card" role="status">
      {p?.images[0] ? <img src={p.images[0].url} alt="" className="size-14 rounded-xl object-cover" /> : <div className="size-14 rounded-xl bg-zinc-200" />}
      <div className="min-w-0 flex-1">
        <p className="text-[11px] font-semibold uppercase text-violet-700">{t('pinned')}</p>
        <p className="truncate text-sm font-semibold">{p?.title ?? card?.title ?? '…'}</p>
        {(p ?? card) && <p className="text-sm">{formatMoney((p ?? card)!.priceMin, (p ?? card)!.currency, locale)}</p>}
      </div>
      <button type="button" onClick={onBuy} className="rounded-xl bg-violet-700 px-4 py-2 text-sm font-semibold text-white">
        {t('buy')}
      </button>
    </div>
  );
}

/**
 * The chat lines, kept scrolled to the newest. Each copy (over the video on phones, beside it on desktop) scrolls its
 * own list: scrollIntoView would also scroll the page, and it returns a Promise in recent Chromium — returned from an
 * effect, React called it as the cleanup and the page crashed at the first new message.
 */
function ChatList({ chat }: { chat: LiveChatPayload[] }) {
  const t = useTranslations('live');
  const locale = useLocale();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.length]);
  return (
    <ul ref={list} className="min-h-0 flex-1 space-y-1 overflow-y-auto px-3 pb-2 text-sm" data-testid="live-chat" aria-live="polite">
      {chat.map((m) => (
        <li key={m.id} className={m.kind === 'tip' ? 'rounded-lg bg-amber-400/90 px-2 py-1 text-black' : ''}>
          <span className="font-semibold">{m.author}</span>{' '}
          {m.kind === 'tip' ? (
            <>
              {t('tipped', { amount: formatMoney(m.tipAmount ?? 0, m.currency ?? 'USD', locale) })}
              {m.body && <>: {m.body}</>}
            </>
          ) : (
            <span className="break-words">{m.body}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ChatInput({ showId, user, status, onTip, slug }: { showId: string; user: { name: string; email: string } | null; status: string; onTip: () => void; slug: string }) {
  const t = useTranslations('live');
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation(trpc.live.sendChat.mutationOptions({ onSuccess: () => setBody(''), onError: (e) => setError(e.message) }));
  if (status === 'ended') return <p className="px-3 pb-3 text-xs text-zinc-400">{t('chatClosed')}</p>;
  if (!user) {
    return (
      <Link href={`/ingresar?next=/live/${slug}`} className="m-3 rounded-full bg-white/15 px-4 py-2 text-center text-sm font-semibold">
        {t('signInToChat')}
      </Link>
    );
  }
  return (
    <form
      className="flex items-center gap-2 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (body.trim()) send.mutate({ showId, body });
      }}
    >
      <div className="min-w-0 flex-1">
        <input
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={500}
          placeholder={t('chatPlaceholder')}
          aria-label={t('chatPlaceholder')}
          className="h-11 w-full rounded-full border border-white/20 bg-black/40 px-4 text-sm text-white placeholder:text-zinc-400"
        />
        {error && <p className="mt-1 px-2 text-xs text-red-300" role="alert">{error}</p>}
      </div>
      <button type="submit" disabled={send.isPending} className="h-11 rounded-full bg-white px-4 text-sm font-semibold text-black">
        {t('send')}
      </button>
      {status === 'live' && (
        <button type="button" onClick={onTip} className="h-11 rounded-full bg-amber-400 px-4 text-sm font-semibold text-black">
          {t('tip')}
        </button>
      )}
    </form>
  );
}

function Chapters({ chapters, onSeek, onBuy }: { chapters: PublicShowPage['chapters']; onSeek: (ms: number) => void; onBuy: (productId: string) => void }) {
  const t = useTranslations('live');
  return (
    <section className="bg-black/70 p-3" data-testid="chapters">
      <h2 className="mb-2 text-xs font-semibold uppercase text-zinc-300">{t('chapters')}</h2>
      <ol className="space-y-2">
        {chapters.map((c) => (
          <li key={c.pinId} className="flex items-center gap-2">
            <button type="button" onClick={() => onSeek(c.offsetMs)} className="flex min-w-0 flex-1 items-center gap-2 text-left" aria-label={t('watchAt', { time: clock(c.offsetMs) })}>
              <span className="rounded bg-white/15 px-1.5 py-0.5 font-mono text-xs">{clock(c.offsetMs)}</span>
              {c.image && <img src={c.image} alt="" className="size-8 rounded object-cover" />}
              <span className="truncate text-sm">{c.title}</span>
            </button>
            <button type="button" onClick={() => onBuy(c.productId)} className="rounded-full bg-violet-600 px-3 py-1 text-xs font-semibold">
              {t('buy')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProductSheet({ showId, productId, onCheckout }: { showId: string; productId: string; onCheckout: () => void }) {
  const t = useTranslations('live');
  const offerText = offerLabels(useLocale() as Locale, useTranslations('catalog.offer'), useTranslations('catalog.addToCart'));
  const trpc = useTRPC();
  const q = useQuery(trpc.live.product.queryOptions({ showId, productId }));
  if (!q.data) return <p className="p-6 text-center text-sm text-zinc-500">…</p>;
  const { product, store } = q.data;
  return (
    <div className="space-y-3" data-testid="product-sheet">
      <div className="flex gap-3">
        {product.images[0] && <img src={product.images[0].url} alt="" className="size-20 rounded-2xl object-cover" />}
        <h2 className="text-lg font-semibold">{product.title}</h2>
      </div>
      <LiveOffer productId={product.id} title={product.title} currency={product.currency} options={product.options} variants={product.variants} storeName={store.name} whatsapp={null} labels={offerText} />
      <button type="button" onClick={onCheckout} className="h-12 w-full rounded-2xl bg-zinc-900 text-sm font-semibold text-white">
        {t('checkout')}
      </button>
    </div>
  );
}

function CheckoutSheet({ user }: { user: { name: string; email: string } | null }) {
  const t = useTranslations('live');
  const [paymentUrl, setPaymentUrl] = useState<string | null>(null);
  if (paymentUrl) {
    return (
      <div className="space-y-3 p-2 text-center" data-testid="payment-opened">
        <p className="text-sm">{t('paymentOpened')}</p>
        <a href={paymentUrl} target="_blank" rel="noopener" className="inline-block rounded-2xl bg-violet-700 px-5 py-3 text-sm font-semibold text-white">
          {t('openPayment')}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <CartView />
      <CheckoutForm
        defaultContact={{ name: user?.name ?? '', email: user?.email ?? '' }}
        onPaymentReady={(url) => {
          setPaymentUrl(url);
          window.open(url, '_blank', 'noopener');
        }}
      />
    </div>
  );
}

function TipSheet({ showId, currency }: { showId: string; currency: string }) {
  const t = useTranslations('live');
  const locale = useLocale();
  const trpc = useTRPC();
  const choices = [500, 1000, 2000];
  const [amount, setAmount] = useState(choices[0]!);
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const tip = useMutation(
    trpc.live.tip.mutationOptions({
      onSuccess: (r) => {
        setOpened(r.paymentUrl);
        window.open(r.paymentUrl, '_blank', 'noopener');
      },
    }),
  );
  if (opened) {
    return (
      <div className="space-y-3 p-2 text-center" data-testid="tip-opened">
        <p className="text-sm">{t('tipOpened')}</p>
        <a href={opened} target="_blank" rel="noopener" className="inline-block rounded-2xl bg-amber-400 px-5 py-3 text-sm font-semibold text-black">
          {t('openPayment')}
        </a>
      </div>
    );
  }
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        tip.mutate({ showId, amount, message });
      }}
    >
      <h2 className="text-lg font-semibold">{t('tipTitle')}</h2>
      <div className="flex gap-2">
        {choices.map((c) => (
          <button key={c} type="button" onClick={() => setAmount(c)} aria-pressed={amount === c} className={`h-11 flex-1 rounded-2xl border text-sm font-semibold ${amount === c ? 'border-amber-500 bg-amber-100' : 'border-zinc-300'}`}>
            {formatMoney(c, currency, locale)}
          </button>
        ))}
      </div>
      <input value={message} onChange={(e) => setMessage(e.target.value)} maxLength={140} placeholder={t('tipMessage')} aria-label={t('tipMessage')} className="h-11 w-full rounded-2xl border border-zinc-300 px-3 text-sm" />
      {tip.error && <p className="text-sm text-red-600" role="alert">{tip.error.message}</p>}
      <button type="submit" disabled={tip.isPending} className="h-12 w-full rounded-2xl bg-amber-400 text-sm font-semibold text-black">
        {t('tipPay', { amount: formatMoney(amount, currency, locale) })}
      </button>
    </form>
  );
}
