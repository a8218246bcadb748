'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice } from '@/components/dashboard/commerce-ui';
import { buttonClass, inputClass } from '@/components/dashboard/field';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';

type TOut = inferRouterOutputs<AppRouter>['admin'];
const KEYS = ['relevance', 'sales', 'recency', 'verified', 'featured'] as const satisfies readonly (keyof TOut['rankingWeights'])[];

/** Ranking weights of marketplace search and what is featured on the front page. */
export function Curation({ weights, featured }: { weights: TOut['rankingWeights']; featured: TOut['featured'] }) {
  const t = useTranslations('admin.curation');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [w, setW] = useState(weights);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const f = useQuery({ ...trpc.admin.featured.queryOptions(), initialData: featured });
  const save = useMutation(
    trpc.admin.setRankingWeights.mutationOptions({
      onSuccess: () => {
        setErrors({});
        setNotice({ tone: 'ok', text: t('saved') });
      },
      onError: (err) => {
        const info = appErrorOf(err);
        setErrors(info.fields);
        setNotice({ tone: 'error', text: info.message });
      },
    }),
  );
  const unfeature = useMutation(
    trpc.admin.setFeatured.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.admin.featured.queryKey() }) }),
  );

  return (
    <div className="space-y-6">
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      <form
        className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(w);
        }}
      >
        <h2 className="text-base font-semibold text-zinc-900">{t('weightsTitle')}</h2>
        <p className="text-sm text-zinc-600">{t('weightsHelp')}</p>
        {KEYS.map((k) => (
          <div key={k}>
            <label htmlFor={`w-${k}`} className="block text-sm font-medium text-zinc-800">
              {t(`weights.${k}.label`)}
            </label>
            <p className="text-xs text-zinc-500">{t(`weights.${k}.help`)}</p>
            <input
              id={`w-${k}`}
              type="number"
              step="0.05"
              inputMode="decimal"
              className={`${inputClass} mt-1`}
              value={Number.isNaN(w[k]) ? '' : w[k]}
              aria-invalid={Boolean(errors[k])}
              onChange={(e) => setW((x) => ({ ...x, [k]: e.target.value === '' ? Number.NaN : Number(e.target.value) }))}
            />
            {errors[k] ? <p className="mt-1 text-sm text-red-700">{errors[k]}</p> : null}
          </div>
        ))}
        <button type="submit" className={`${buttonClass.primary} w-full sm:w-auto`} disabled={save.isPending}>
          {t('save')}
        </button>
      </form>

      <section className="space-y-2" aria-labelledby="destacados">
        <h2 id="destacados" className="text-base font-semibold text-zinc-900">
          {t('featuredTitle')}
        </h2>
        <p className="text-sm text-zinc-600">{t('featuredHelp')}</p>
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white text-sm">
          {[...f.data.stores.map((s) => ({ kind: 'store' as const, id: s.id, name: t('storeItem', { name: s.name }), featured: s.featured })), ...f.data.products.map((p) => ({ kind: 'product' as const, id: p.id, name: `${p.title} · ${p.storeName}`, featured: p.featured }))].map((x) => (
            <li key={x.id} className="flex items-center justify-between gap-3 p-3">
              <span className="min-w-0 truncate">
                {x.name} <span className="text-zinc-500">({x.featured})</span>
              </span>
              <button type="button" className={buttonClass.ghost} onClick={() => unfeature.mutate({ kind: x.kind, id: x.id, featured: 0 })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
