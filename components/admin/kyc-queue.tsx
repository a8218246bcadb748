'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice, Pill } from '@/components/dashboard/commerce-ui';
import { buttonClass, inputClass } from '@/components/dashboard/field';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';

type TQueue = inferRouterOutputs<AppRouter>['admin']['kycQueue'];
/** In Review cases, oldest first: what DIDIT found, a note, approve or decline. */
export function KycQueue({ initialData }: { initialData: TQueue }) {
  const t = useTranslations('admin.kyc');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.admin.kycQueue.queryOptions();
  const { data = initialData } = useQuery({ ...options, initialData });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const review = useMutation(
    trpc.admin.reviewKyc.mutationOptions({
      onSuccess: (r) => {
        setNotice({ tone: 'ok', text: r.status === 'Approved' ? t('approved') : t('declined') });
        void queryClient.invalidateQueries({ queryKey: options.queryKey });
      },
      onError: (err) => setNotice({ tone: 'error', text: appErrorOf(err).message }),
    }),
  );

  return (
    <div className="space-y-4">
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      {data.queue.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {data.queue.map((c) => (
            <li key={c.id} className="rounded-2xl border border-amber-200 bg-white p-4 shadow-sm" data-testid="kyc-case">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold text-zinc-900">{c.storeName}</p>
                  <p className="truncate text-sm text-zinc-600">{c.ownerEmail}</p>
                </div>
                <Pill tone="amber">{t(c.kind === 'business' ? 'kindInReview.business' : 'kindInReview.individual')}</Pill>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-500">{t('name')}</dt>
                <dd className="text-zinc-900">{c.companyName ?? c.fullName ?? '—'}</dd>
                <dt className="text-zinc-500">{t('document')}</dt>
                <dd className="text-zinc-900">{c.documentNumber ?? '—'}</dd>
                <dt className="text-zinc-500">{t('liveness')}</dt>
                <dd className="text-zinc-900">{c.livenessScore ?? '—'}</dd>
                <dt className="text-zinc-500">{t('faceMatch')}</dt>
                <dd className="text-zinc-900">{c.faceMatchScore ?? '—'}</dd>
                <dt className="text-zinc-500">{t('since')}</dt>
                <dd className="text-zinc-900">{format.dateTime(new Date(c.since), { dateStyle: 'medium', timeStyle: 'short' })}</dd>
              </dl>
              {c.warnings.length ? (
                <ul className="mt-2 list-inside list-disc text-sm text-amber-900">
                  {c.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
              <label className="mt-3 block text-sm font-medium text-zinc-800" htmlFor={`note-${c.id}`}>
                {t('note')}
              </label>
              <textarea
                id={`note-${c.id}`}
                className={`${inputClass} mt-1`}
                rows={2}
                maxLength={500}
                value={notes[c.id] ?? ''}
                onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))}
              />
              <div className="mt-3 grid grid-cols-2 gap-2">
                <button
                  type="button"
                  className={buttonClass.primary}
                  disabled={review.isPending}
                  onClick={() => review.mutate({ sessionId: c.id, decision: 'approve', note: notes[c.id] ?? '' })}
                >
                  {t('approve')}
                </button>
                <button
                  type="button"
                  className={buttonClass.danger}
                  disabled={review.isPending}
                  onClick={() => review.mutate({ sessionId: c.id, decision: 'decline', note: notes[c.id] ?? '' })}
                >
                  {t('decline')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="recientes" className="space-y-2">
        <h2 id="recientes" className="text-base font-semibold text-zinc-900">
          {t('recent')}
        </h2>
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white text-sm">
          {data.recent.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 p-3">
              <span className="min-w-0 truncate">
                {r.storeName} · {t(r.kind === 'business' ? 'kind.business' : 'kind.individual')}
                {r.reviewedBy ? ` · ${t('reviewed')}` : ''}
              </span>
              <Pill tone={r.status === 'Approved' ? 'green' : r.status === 'Declined' ? 'red' : 'zinc'}>{t.has(`status.${r.status}`) ? t(`status.${r.status}`) : r.status}</Pill>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
