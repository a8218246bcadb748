'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import type { TMediaRef } from '@/server/services/media/schemas';
import { CoverUploader } from './cover-uploader';

type Product = { id: string; title: string };

/** The seller's live page: schedule a show (title, cover, time, featured products) and the list of shows. */
export function ShowsManager({ storeId, products }: { storeId: string; products: Product[] }) {
  const t = useTranslations('live.studio');
  const locale = useLocale();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.liveSeller.list.queryOptions({ storeId }));
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(() => {
    const d = new Date(Date.now() + 15 * 60_000);
    d.setSeconds(0, 0);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [cover, setCover] = useState<TMediaRef | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const schedule = useMutation(
    trpc.liveSeller.schedule.mutationOptions({
      onSuccess: (show) => {
        setTitle('');
        setPicked([]);
        setCover(null);
        void qc.invalidateQueries({ queryKey: trpc.liveSeller.list.queryKey({ storeId }) });
        window.location.assign(`/dashboard/tiendas/${storeId}/en-vivo/${show.id}`);
      },
      onError: (e) => setFields(((e.data as { fields?: Record<string, string> } | undefined)?.fields ?? { _: e.message })),
    }),
  );

  return (
    <div className="space-y-6">
      <form
        className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          setFields({});
          schedule.mutate({ storeId, title, scheduledAt: new Date(when), productIds: picked, coverMediaId: cover?.mediaId ?? null });
        }}
      >
        <h2 className="font-semibold">{t('schedule')}</h2>
        <label className="block text-sm">
          {t('showTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} name="title" className="mt-1 h-11 w-full rounded-xl border border-zinc-300 px-3" maxLength={120} required />
          {fields.title && <span className="text-xs text-red-600">{fields.title}</span>}
        </label>
        <CoverUploader storeId={storeId} value={cover} onChange={setCover} error={fields.coverMediaId} />
        <label className="block text-sm">
          {t('when')}
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} name="scheduledAt" className="mt-1 h-11 w-full rounded-xl border border-zinc-300 px-3" required />
          {fields.scheduledAt && <span className="text-xs text-red-600">{fields.scheduledAt}</span>}
        </label>
        {products.length > 0 && (
          <fieldset className="text-sm">
            <legend>{t('products')}</legend>
            <div className="mt-1 grid max-h-48 gap-1 overflow-y-auto sm:grid-cols-2">
              {products.map((p) => (
                <label key={p.id} className="flex items-center gap-2 rounded-lg px-2 py-1 hover:bg-zinc-50">
                  <input type="checkbox" checked={picked.includes(p.id)} onChange={(e) => setPicked((x) => (e.target.checked ? [...x, p.id] : x.filter((i) => i !== p.id)))} />
                  <span className="truncate">{p.title}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {fields._ && <p className="text-sm text-red-600">{fields._}</p>}
        <button type="submit" disabled={schedule.isPending} className="h-11 rounded-xl bg-violet-700 px-5 text-sm font-semibold text-white">
          {t('create')}
        </button>
      </form>

      <ul className="divide-y divide-zinc-200 rounded-2xl border border-zinc-200 bg-white">
        {list.data?.length === 0 && <li className="p-4 text-sm text-zinc-500">{t('noShows')}</li>}
        {list.data?.map((s) => (
          <li key={s.id} className="flex items-center gap-3 p-3">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{s.title}</p>
              <p className="text-xs text-zinc-500">
                {t(`status.${s.status}`)} · {new Date(s.scheduledAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
              </p>
            </div>
            <Link href={`/dashboard/tiendas/${storeId}/en-vivo/${s.id}`} className="rounded-xl bg-zinc-900 px-3 py-2 text-xs font-semibold text-white">
              {t('open')}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
