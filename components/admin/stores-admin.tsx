'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice, Pill } from '@/components/dashboard/commerce-ui';
import { buttonClass, inputClass } from '@/components/dashboard/field';
import { StatusSearchForm, type TStatusSearch } from './status-search-form';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';

type TStores = inferRouterOutputs<AppRouter>['admin']['stores'];
/** Stores: search, suspend with a reason / restore, feature on the front page, commission rule. */
const KYC_TONE: Record<string, 'green' | 'amber' | 'red' | 'zinc'> = { approved: 'green', pending: 'amber', declined: 'red', unverified: 'zinc' };

export function StoresAdmin({ initialData }: { initialData: TStores }) {
  const t = useTranslations('admin.stores');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState<TStatusSearch>({ q: '', status: 'all' });
  const options = trpc.admin.stores.queryOptions({ q: search.q, status: search.status, limit: 50 });
  const { data = initialData } = useQuery({ ...options, initialData: search.q === '' && search.status === 'all' ? initialData : undefined });
  const rules = useQuery(trpc.adminCommerce.commissionRules.queryOptions());
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const done = (text: string) => {
    setNotice({ tone: 'ok', text });
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.stores.pathKey() });
  };
  const onError = (err: unknown) => setNotice({ tone: 'error', text: appErrorOf(err).message });
  const suspend = useMutation(trpc.admin.suspendStore.mutationOptions({ onSuccess: (s) => done(t('suspendedNotice', { slug: s.slug })), onError }));
  const restore = useMutation(trpc.admin.restoreStore.mutationOptions({ onSuccess: (s) => done(t('restoredNotice', { slug: s.slug })), onError }));
  const feature = useMutation(trpc.admin.setFeatured.mutationOptions({ onSuccess: () => done(t('featuredNotice')), onError }));
  const commission = useMutation(trpc.adminCommerce.setStoreCommission.mutationOptions({ onSuccess: () => done(t('commissionNotice')), onError }));

  return (
    <div className="space-y-4">
      <StatusSearchForm
        idPrefix="store"
        labels={{ search: t('search'), placeholder: t('searchPlaceholder'), status: t('status'), all: t('statusAll'), active: t('statusActive'), suspended: t('statusSuspended'), submit: t('searchButton') }}
        onSearch={setSearch}
      />
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}
      <ul className="space-y-3">
        {data.map((s) => (
          <li key={s.id} className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="admin-store">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-semibold text-zinc-900">{s.name}</p>
                <p className="truncate text-sm text-zinc-600">
                  /s/{s.slug} · {s.ownerEmail ?? t('noOwner')} · {t('products', { count: s.productCount })}
                </p>
              </div>
              <div className="flex flex-wrap gap-1">
                <Pill tone={KYC_TONE[s.kycStatus] ?? 'zinc'}>{t(`kyc.${s.kycStatus}`)}</Pill>
                {s.status === 'suspended' ? <Pill tone="red">{t('suspended')}</Pill> : <Pill tone="green">{t('active')}</Pill>}
              </div>
            </div>
            {s.suspensionReason ? <p className="mt-2 text-sm text-red-800">{t('reason', { reason: s.suspensionReason })}</p> : null}
            <div className="mt-3 grid gap-2 sm:grid-cols-3">
              <label className="text-sm text-zinc-700">
                {t('featured')}
                <input
                  type="number"
                  min={0}
                  max={100}
                  defaultValue={s.featured}
                  className={`${inputClass} mt-1`}
                  onBlur={(e) => {
                    const v = Number(e.target.value);
                    if (v !== s.featured) feature.mutate({ kind: 'store', id: s.id, featured: v });
                  }}
                />
              </label>
              <label className="text-sm text-zinc-700">
                {t('commission')}
                <select
                  className={`${inputClass} mt-1`}
                  defaultValue=""
                  onChange={(e) => commission.mutate({ storeId: s.id, ruleCode: e.target.value === '' ? null : e.target.value, reason: t('commissionReason') })}
                >
                  <option value="">{t('planCommission')}</option>
                  {(rules.data ?? []).map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="flex items-end">
                {s.status === 'suspended' ? (
                  <button type="button" className={`${buttonClass.secondary} w-full`} onClick={() => restore.mutate({ storeId: s.id })} disabled={restore.isPending}>
                    {t('restore')}
                  </button>
                ) : (
                  <button type="button" className={`${buttonClass.danger} w-full`} onClick={() => setOpen(open === s.id ? null : s.id)}>
                    {t('suspend')}
                  </button>
                )}
              </div>
            </div>
            {open === s.id ? (
              <form
                className="mt-3 space-y-2 rounded-xl bg-red-50 p-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  suspend.mutate({ storeId: s.id, reason: reasons[s.id] ?? '' });
                }}
              >
                <label className="block text-sm font-medium text-red-900" htmlFor={`reason-${s.id}`}>
                  {t('suspendReason')}
                </label>
                <input id={`reason-${s.id}`} className={inputClass} value={reasons[s.id] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [s.id]: e.target.value }))} />
                <button type="submit" className={`${buttonClass.danger} w-full`} disabled={suspend.isPending}>
                  {t('confirmSuspend')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
