'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatMoney } from '@/components/ui/money';
import type { LiveChatPayload } from '@/server/services/live/realtime';
import type { ShowForSeller } from '@/server/services/live/shows';
import { PhoneBroadcast } from './phone-broadcast';
import { useShowEvents } from './use-show-events';

/** The seller's studio for one show: share link, channel + one-time key, go live (phone or encoder), pins, chat moderation. */
export function Studio({ storeId, initial, appUrl }: { storeId: string; initial: ShowForSeller; appUrl: string }) {
  const t = useTranslations('live.studio');
  const locale = useLocale();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const showId = initial.show.id;
  const [status, setStatus] = useState(initial.show.status);
  const [pinned, setPinned] = useState(initial.currentPinProductId);
  const [chat, setChat] = useState<LiveChatPayload[]>(initial.chat);
  const [oneTimeKey, setOneTimeKey] = useState<string | null>(null);
  const setup = useQuery(trpc.liveSeller.streamSetup.queryOptions({ storeId }));
  const shareUrl = `${appUrl.replace(/\/$/, '')}/live/${initial.show.slug}`;

  useShowEvents(showId, initial.lastEventId, (e) => {
    if (e.kind === 'status') setStatus(e.payload.status);
    else if (e.kind === 'pin') setPinned(e.payload?.productId ?? null);
    else if (e.kind === 'chat') setChat((c) => (c.some((m) => m.id === e.payload.id) ? c : [...c.slice(-199), e.payload]));
    else if (e.kind === 'chat.deleted') setChat((c) => c.filter((m) => !e.payload.ids.includes(m.id)));
  });

  const arm = useMutation(trpc.liveSeller.arm.mutationOptions());
  const onKey = (r: { streamKey: string | null }) => {
    if (r.streamKey) setOneTimeKey(r.streamKey);
    void qc.invalidateQueries({ queryKey: trpc.liveSeller.streamSetup.queryKey({ storeId }) });
    arm.mutate({ storeId, showId });
  };
  const create = useMutation(trpc.liveSeller.createChannel.mutationOptions({ onSuccess: onKey }));
  const rotate = useMutation(trpc.liveSeller.rotateKey.mutationOptions({ onSuccess: onKey }));
  const pin = useMutation(trpc.liveSeller.pin.mutationOptions({ onSuccess: (r) => setPinned(r.productId) }));
  const unpin = useMutation(trpc.liveSeller.unpin.mutationOptions({ onSuccess: () => setPinned(null) }));
  const del = useMutation(trpc.liveSeller.deleteMessage.mutationOptions());
  const ban = useMutation(trpc.liveSeller.ban.mutationOptions());

  // Opening the studio arms this show: the next broadcast on the store's channel belongs to it.
  useEffect(() => {
    if (initial.hasChannel && !initial.armed && (status === 'scheduled' || status === 'live')) arm.mutate({ storeId, showId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const s = setup.data;
  const products = [...initial.featured, ...initial.products.filter((p) => !initial.featured.some((f) => f.id === p.id))];

  return (
    // One column of minmax(0, 1fr) on phones: an implicit auto column grew to the sections' min-content and ran off a 390 px screen.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
      <section className="min-w-0 space-y-3 rounded-2xl border border-zinc-200 bg-white p-4">
        <div className="flex items-center gap-2">
          <span className={`rounded px-2 py-0.5 text-xs font-bold ${status === 'live' ? 'bg-red-600 text-white' : 'bg-zinc-200'}`} data-testid="studio-status">
            {t(`status.${status}`)}
          </span>
          <a href={shareUrl} target="_blank" rel="noopener" className="text-sm text-violet-700 underline">
            {t('publicPage')}
          </a>
        </div>
        <label className="block text-sm">
          {t('shareLink')}
          <div className="mt-1 flex gap-2">
            <input readOnly value={shareUrl} className="h-10 min-w-0 flex-1 rounded-xl border border-zinc-300 px-3 text-sm" data-testid="share-link" />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(shareUrl)} className="rounded-xl border border-zinc-300 px-3 text-sm">
              {t('copy')}
            </button>
          </div>
        </label>

        <h2 className="pt-2 font-semibold">{t('channel')}</h2>
        {!s ? (
          <button type="button" onClick={() => create.mutate({ storeId })} disabled={create.isPending || setup.isLoading} className="h-11 rounded-xl bg-violet-700 px-4 text-sm font-semibold text-white">
            {t('createChannel')}
          </button>
        ) : (
          <dl className="space-y-2 text-sm">
            {s.ingest.rtmps && (
              <div>
                <dt className="text-zinc-500">{t('ingestRtmps')}</dt>
                <dd className="break-all font-mono">{s.ingest.rtmps}</dd>
              </div>
            )}
            <div>
              <dt className="text-zinc-500">{t('ingest')}</dt>
              <dd className="break-all font-mono" data-testid="ingest-url">{s.ingest.rtmp}</dd>
            </div>
            <div>
              <dt className="text-zinc-500">{t('key')}</dt>
              {oneTimeKey ? (
                <dd>
                  <code className="block break-all rounded-lg bg-amber-50 p-2 font-mono" data-testid="stream-key">
                    {oneTimeKey}
                  </code>
                  <span className="text-xs text-amber-700">{t('keyOnce')}</span>
                </dd>
              ) : (
                <dd className="text-zinc-600">{t('keyHidden', { hint: s.keyHint })}</dd>
              )}
            </div>
            <ConfirmDialog
              title={t('rotateTitle')}
              description={t('rotateConfirm')}
              confirmLabel={t('rotateYes')}
              onConfirm={() => rotate.mutate({ storeId })}
              trigger={
                <button type="button" disabled={rotate.isPending} className="min-h-11 rounded-xl text-sm text-violet-700 underline focus-visible:outline-2 focus-visible:outline-violet-600">
                  {t('rotate')}
                </button>
              }
            />
            {s.provider === 'local' ? (
              <p className="rounded-lg bg-zinc-50 p-2 text-xs text-zinc-600">{t('localHint', { slug: initial.show.slug })}</p>
            ) : (
              <PhoneBroadcast storeId={storeId} ingestEndpoint={s.ingestEndpoint} />
            )}
          </dl>
        )}
      </section>

      <section className="min-w-0 space-y-2 rounded-2xl border border-zinc-200 bg-white p-4">
        <h2 className="font-semibold">{t('products')}</h2>
        <p className="text-xs text-zinc-500">{t('pinHelp')}</p>
        {(pin.error || unpin.error) && <p className="text-sm text-red-600" role="alert">{(pin.error ?? unpin.error)!.message}</p>}
        <ul className="max-h-80 divide-y divide-zinc-100 overflow-y-auto">
          {products.map((p) => (
            <li key={p.id} className="flex items-center gap-2 py-2">
              {p.image ? <img src={p.image} alt="" className="size-10 rounded-lg object-cover" /> : <div className="size-10 rounded-lg bg-zinc-100" />}
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm">{p.title}</p>
                <p className="text-xs text-zinc-500">{formatMoney(p.priceMin, p.currency, locale)}</p>
              </div>
              {pinned === p.id ? (
                <button type="button" onClick={() => unpin.mutate({ storeId, showId })} className="rounded-lg bg-violet-100 px-3 py-1.5 text-xs font-semibold text-violet-800">
                  {t('pinnedNow')} · {t('unpin')}
                </button>
              ) : (
                <button type="button" disabled={status !== 'live' || pin.isPending} onClick={() => pin.mutate({ storeId, showId, productId: p.id })} className="rounded-lg bg-zinc-900 px-3 py-1.5 text-xs font-semibold text-white disabled:bg-zinc-300" aria-label={`${t('pin')} ${p.title}`}>
                  {t('pin')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="min-w-0 rounded-2xl border border-zinc-200 bg-white p-4 lg:col-span-2">
        <h2 className="font-semibold">{t('chat')}</h2>
        <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto text-sm" data-testid="studio-chat">
          {chat.map((m) => (
            <li key={m.id} className="flex items-start gap-2">
              <p className="min-w-0 flex-1 break-words">
                <span className="font-semibold">{m.author}</span> {m.kind === 'tip' ? `💰 ${formatMoney(m.tipAmount ?? 0, m.currency ?? 'USD', locale)} ${m.body}` : m.body}
              </p>
              <button type="button" onClick={() => del.mutate({ storeId, showId, messageId: m.id })} className="text-xs text-zinc-500 hover:text-red-600">
                {t('delete')}
              </button>
              <button type="button" onClick={() => ban.mutate({ storeId, showId, messageId: m.id })} className="text-xs text-zinc-500 hover:text-red-600">
                {t('ban')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
