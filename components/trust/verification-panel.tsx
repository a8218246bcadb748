'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice, Pill, type TPillTone } from '@/components/dashboard/commerce-ui';
import { buttonClass, Card } from '@/components/dashboard/field';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';
import { VerifiedBadgeIcon } from './icons';

type TVerification = inferRouterOutputs<AppRouter>['kyc']['status'];
type TKind = 'individual' | 'business';

const SESSION_TONE: Record<string, TPillTone> = { Approved: 'green', Declined: 'red', 'In Review': 'amber', 'Kyc Expired': 'red' };

/**
 * The seller's verification: standing, what it unlocks, start (person or company) or continue, and past attempts.
 * While anything is pending it re-reads every few seconds, so the result shows as soon as DIDIT's webhook lands.
 */
export function VerificationPanel({ storeId, initialData, returned }: { storeId: string; initialData: TVerification; returned: boolean }) {
  const t = useTranslations('trust');
  const format = useFormatter();
  const trpc = useTRPC();
  const [kind, setKind] = useState<TKind>('individual');
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({
    ...trpc.kyc.status.queryOptions({ storeId }),
    initialData,
    refetchInterval: (q) => (q.state.data?.kycStatus === 'pending' ? 3000 : false),
  });
  const v = query.data ?? initialData;
  const start = useMutation(
    trpc.kyc.start.mutationOptions({
      onSuccess: ({ url }) => {
        window.location.assign(url);
      },
      onError: (err) => setError(appErrorOf(err).message),
    }),
  );
  const resumable = v.sessions.find((s) => s.resumeUrl);
  const inReview = v.sessions.some((s) => s.status === 'In Review' || s.status === 'Awaiting User');
  const canStart = v.kycStatus !== 'approved' && !inReview && !resumable;

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex items-start gap-3">
          <VerifiedBadgeIcon className={`size-9 shrink-0 ${v.kycStatus === 'approved' ? 'text-emerald-600' : 'text-zinc-300'}`} />
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-lg font-semibold text-zinc-900" data-testid="kyc-standing" data-status={v.kycStatus}>
                {t(`verify.standing.${v.kycStatus}`)}
              </h2>
            </div>
            <p className="text-sm text-zinc-600">{t(`verify.standingHelp.${v.kycStatus}`)}</p>
            {v.kycStatus === 'approved' && v.verifiedAt ? (
              <p className="text-sm text-zinc-500">{t('verify.verifiedOn', { date: format.dateTime(new Date(v.verifiedAt), { dateStyle: 'long' }) })}</p>
            ) : null}
          </div>
        </div>
        <ul className="mt-4 grid gap-2 text-sm text-zinc-700 sm:grid-cols-3">
          {(['badge', 'payouts', 'pro'] as const).map((b) => (
            <li key={b} className="flex items-center gap-2 rounded-xl bg-zinc-50 px-3 py-2">
              <span aria-hidden="true" className={v.kycStatus === 'approved' ? 'text-emerald-600' : 'text-zinc-400'}>
                {v.kycStatus === 'approved' ? '✓' : '•'}
              </span>
              {t(`verify.benefits.${b}`)}
            </li>
          ))}
        </ul>
      </Card>

      {returned && v.kycStatus === 'pending' && !inReview ? <Notice tone="ok">{t('verify.returned')}</Notice> : null}
      {inReview ? <Notice tone="ok">{t('verify.inReview')}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}

      {resumable?.resumeUrl && v.kycStatus !== 'approved' ? (
        <Card>
          <a href={resumable.resumeUrl} className={`${buttonClass.primary} w-full sm:w-auto`}>
            {t('verify.continue')}
          </a>
        </Card>
      ) : null}

      {canStart ? (
        <Card>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              start.mutate({ storeId, kind });
            }}
            className="space-y-3"
          >
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium text-zinc-800">{t('verify.kindLegend')}</legend>
              {(['individual', 'business'] as const).map((k) => (
                <label
                  key={k}
                  className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border p-3 ${kind === k ? 'border-violet-500 bg-violet-50' : 'border-zinc-200 bg-white'}`}
                >
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1 size-4 accent-violet-600" />
                  <span>
                    <span className="block font-medium text-zinc-900">{t(`verify.kind.${k}`)}</span>
                    <span className="block text-sm text-zinc-600">{t(`verify.kindHelp.${k}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <button type="submit" className={`${buttonClass.primary} w-full sm:w-auto`} disabled={start.isPending || start.isSuccess}>
              {start.isPending || start.isSuccess ? t('verify.starting') : t('verify.start')}
            </button>
          </form>
        </Card>
      ) : null}

      {v.sessions.length > 0 ? (
        <section aria-labelledby="kyc-attempts" className="space-y-2">
          <h2 id="kyc-attempts" className="text-base font-semibold text-zinc-900">
            {t('verify.attempts')}
          </h2>
          <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white">
            {v.sessions.map((s) => (
              <li key={s.id} className="flex items-start justify-between gap-3 p-3">
                <div className="min-w-0">
                  <p className="font-medium text-zinc-900">{t(`verify.kindShort.${s.kind}`)}</p>
                  <p className="text-xs text-zinc-500">{format.dateTime(new Date(s.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</p>
                  {s.reviewNote ? <p className="mt-1 text-sm text-zinc-600">{t('verify.note', { note: s.reviewNote })}</p> : null}
                </div>
                <Pill tone={SESSION_TONE[s.status] ?? 'zinc'}>{t(`status.${s.status}`)}</Pill>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
