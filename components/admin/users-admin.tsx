'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice, Pill } from '@/components/dashboard/commerce-ui';
import { buttonClass, inputClass } from '@/components/dashboard/field';
import { StatusSearchForm, type TStatusSearch } from './status-search-form';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';

type TUsers = inferRouterOutputs<AppRouter>['admin']['users'];

/** People: search, suspend with a reason (their session ends, their stores leave the marketplace) and restore. */
export function UsersAdmin({ initialData, meId }: { initialData: TUsers; meId: string }) {
  const t = useTranslations('admin.users');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState<TStatusSearch>({ q: '', status: 'all' });
  const options = trpc.admin.users.queryOptions({ q: search.q, status: search.status, limit: 100 });
  const { data = initialData } = useQuery({ ...options, initialData: search.q === '' && search.status === 'all' ? initialData : undefined });
  const [open, setOpen] = useState<{ id: string; action: 'suspend' | 'restore' } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string; reauth?: boolean } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const done = (text: string) => {
    setNotice({ tone: 'ok', text });
    setOpen(null);
    setReason('');
    setFieldError(null);
    void queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.admin.stores.pathKey() });
  };
  const onError = (err: unknown) => {
    const info = appErrorOf(err);
    if (info.fields.reason) {
      setFieldError(info.fields.reason);
      return;
    }
    setNotice({ tone: 'error', text: info.message, reauth: info.details?.reason === 'RECENT_AUTH_REQUIRED' });
  };
  const emailOf = (id: string) => data.find((u) => u.id === id)?.email ?? '';
  const suspend = useMutation(
    trpc.admin.suspendUser.mutationOptions({ onSuccess: (r) => done(t('suspendedNotice', { email: emailOf(r.id), count: r.storeSlugs.length })), onError }),
  );
  const restore = useMutation(
    trpc.admin.restoreUser.mutationOptions({ onSuccess: (r) => done(t('restoredNotice', { email: emailOf(r.id), count: r.storeSlugs.length })), onError }),
  );
  const pending = suspend.isPending || restore.isPending;

  return (
    <div className="space-y-4">
      <StatusSearchForm
        idPrefix="user"
        labels={{ search: t('search'), placeholder: t('searchPlaceholder'), status: t('status'), all: t('statusAll'), active: t('statusActive'), suspended: t('statusSuspended'), submit: t('search') }}
        onSearch={setSearch}
      />
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}{' '}
          {notice.reauth ? (
            <a className="font-semibold underline" href={`/ingresar?reauth=1&next=${encodeURIComponent('/admin/usuarios')}`}>
              {t('reauth')}
            </a>
          ) : null}
        </Notice>
      ) : null}
      {data.length === 0 ? <p className="rounded-2xl border border-dashed border-zinc-300 bg-white p-6 text-center text-sm text-zinc-600">{t('empty')}</p> : null}
      <ul className="space-y-3">
        {data.map((u) => {
          const isOpen = open?.id === u.id;
          const action = u.suspendedAt ? 'restore' : 'suspend';
          return (
            <li key={u.id} className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="admin-user">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="truncate font-medium text-zinc-900">{u.email}</p>
                  <p className="text-sm text-zinc-600">
                    {u.displayName ?? t('noName')} · {t('since', { date: format.dateTime(new Date(u.createdAt), { dateStyle: 'medium' }) })} ·{' '}
                    {u.planCode === 'pro' ? 'Pro' : 'Free'} · {t('stores', { count: u.storesOwned })}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1">
                  {u.id === meId ? <Pill tone="zinc">{t('you')}</Pill> : null}
                  {u.suspendedAt ? <Pill tone="red">{t('suspended')}</Pill> : <Pill tone="green">{t('active')}</Pill>}
                </div>
              </div>
              {u.suspendedAt ? (
                <p className="mt-2 text-sm text-red-800">
                  {t('suspendedOn', { date: format.dateTime(new Date(u.suspendedAt), { dateStyle: 'medium', timeStyle: 'short' }), reason: u.suspendedReason ?? '' })}
                </p>
              ) : null}
              {u.id !== meId && !isOpen ? (
                <div className="mt-3">
                  <button
                    type="button"
                    className={`${action === 'suspend' ? buttonClass.danger : buttonClass.secondary} w-full sm:w-auto`}
                    onClick={() => {
                      setOpen({ id: u.id, action });
                      setReason('');
                      setFieldError(null);
                    }}
                  >
                    {action === 'suspend' ? t('suspend') : t('restore')}
                  </button>
                </div>
              ) : null}
              {isOpen ? (
                <form
                  className={`mt-3 space-y-2 rounded-xl p-3 ${open.action === 'suspend' ? 'bg-red-50' : 'bg-zinc-50'}`}
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (open.action === 'suspend') suspend.mutate({ userId: u.id, reason });
                    else restore.mutate({ userId: u.id, reason });
                  }}
                >
                  <label className="block text-sm font-medium text-zinc-900" htmlFor={`user-reason-${u.id}`}>
                    {open.action === 'suspend' ? t('suspendReason') : t('restoreReason')}
                  </label>
                  <input
                    id={`user-reason-${u.id}`}
                    className={inputClass}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={`user-reason-help-${u.id}`}
                  />
                  <p id={`user-reason-help-${u.id}`} className={`text-xs ${fieldError ? 'text-red-700' : 'text-zinc-600'}`}>
                    {fieldError ?? t('reasonHelp')}
                  </p>
                  <div className="flex flex-col gap-2 sm:flex-row">
                    <button type="submit" className={`${open.action === 'suspend' ? buttonClass.danger : buttonClass.primary} w-full sm:w-auto`} disabled={pending}>
                      {open.action === 'suspend' ? t('confirmSuspend') : t('confirmRestore')}
                    </button>
                    <button type="button" className={`${buttonClass.secondary} w-full sm:w-auto`} onClick={() => setOpen(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
