'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Notice, Pill } from '@/components/dashboard/commerce-ui';
import { ConfirmAction } from '@/components/dashboard/confirm-action';
import { buttonClass, Card, describedBy, Field, inputClass } from '@/components/dashboard/field';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import type { AppRouter } from '@/server/trpc/root';
import type { inferRouterOutputs } from '@trpc/server';

type TTeam = inferRouterOutputs<AppRouter>['team']['list'];
type TRole = 'manager' | 'staff';

/** Members with their roles and the pending invitations; the owner invites, changes roles, removes and revokes. */
export function TeamManager({ storeId, storeName, meId, initialData }: { storeId: string; storeName: string; meId: string; initialData: TTeam }) {
  const t = useTranslations('team');
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const listOptions = trpc.team.list.queryOptions({ storeId });
  const { data = initialData } = useQuery({ ...listOptions, initialData });
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
  const [reauth, setReauth] = useState(false);
  const onError = (err: unknown) => {
    const info = appErrorOf(err);
    setReauth(info.details?.reason === 'RECENT_AUTH_REQUIRED');
    setNotice({ tone: 'error', text: info.message });
  };
  const isOwner = data.myRole === 'owner';

  const changeRole = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: () => {
        setNotice({ tone: 'ok', text: t('roleChanged') });
        void refresh();
      }, onError }));
  const remove = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions({ onSuccess: () => {
        setNotice({ tone: 'ok', text: t('revoked') });
        void refresh();
      }, onError }));
  const resend = useMutation(trpc.team.invite.mutationOptions({ onSuccess: (r) => {
        setNotice({ tone: 'ok', text: t('sent', { email: r.invitation.email }) });
        void refresh();
      }, onError }));
  const leave = useMutation(trpc.team.leave.mutationOptions({ onSuccess: () => router.push('/dashboard'), onError }));

  return (
    <div className="space-y-5">
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}{' '}
          {reauth ? <ReauthLink storeId={storeId} /> : null}
        </Notice>
      ) : null}

      {isOwner ? <InviteForm storeId={storeId} storeName={storeName} onSent={() => void refresh()} /> : <p className="rounded-2xl bg-zinc-100 p-3 text-sm text-zinc-700">{t('readOnly')}</p>}

      <Card>
        <h2 className="mb-3 text-base font-semibold text-zinc-900">{t('members')}</h2>
        <ul className="divide-y divide-zinc-100" data-testid="team-members">
          {data.members.map((m) => {
            const name = m.name || m.email;
            const me = m.userId === meId;
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-3 py-3" data-testid="team-member">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-zinc-900">
                    {name} {me ? <span className="text-zinc-500">({t('you')})</span> : null}
                  </p>
                  {m.name ? <p className="truncate text-sm text-zinc-600">{m.email}</p> : null}
                  <p className="text-xs text-zinc-500">{t('joined', { date: format.dateTime(new Date(m.joinedAt), { dateStyle: 'medium' }) })}</p>
                </div>
                {isOwner && m.role !== 'owner' ? (
                  <>
                    <select
                      aria-label={t('changeRole', { name })}
                      className={`${inputClass} w-auto`}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ storeId, userId: m.userId, role: e.target.value as TRole })}
                    >
                      <option value="manager">{t('roles.manager')}</option>
                      <option value="staff">{t('roles.staff')}</option>
                    </select>
                    <ConfirmAction
                      label={t('remove')}
                      question={t('removeConfirm', { name })}
                      confirmLabel={t('remove')}
                      busy={remove.isPending}
                      className={buttonClass.danger}
                      onConfirm={() => remove.mutate({ storeId, userId: m.userId }, { onSuccess: () => setNotice({ tone: 'ok', text: t('removed', { name }) }) })}
                    />
                  </>
                ) : (
                  <Pill tone={m.role === 'owner' ? 'violet' : m.role === 'manager' ? 'sky' : 'zinc'}>{t(`roles.${m.role}`)}</Pill>
                )}
                {me && m.role !== 'owner' ? (
                  <ConfirmAction label={t('leave')} question={t('leaveConfirm')} confirmLabel={t('leave')} busy={leave.isPending} onConfirm={() => leave.mutate({ storeId })} />
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card>
        <h2 className="mb-3 text-base font-semibold text-zinc-900">{t('pending')}</h2>
        {data.invitations.length === 0 ? (
          <p className="text-sm text-zinc-600">{t('noPending')}</p>
        ) : (
          <ul className="divide-y divide-zinc-100" data-testid="team-invitations">
            {data.invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="team-invitation">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-zinc-900">{i.email}</p>
                  <p className="text-xs text-zinc-500">
                    {t(`roles.${i.role}`)} ·{' '}
                    {i.state === 'expired' ? t('expired') : t('expires', { date: format.dateTime(new Date(i.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </p>
                </div>
                {isOwner ? (
                  <div className="flex gap-2">
                    <button type="button" className={buttonClass.secondary} disabled={resend.isPending} onClick={() => resend.mutate({ storeId, email: i.email, role: i.role })}>
                      {t('resend')}
                    </button>
                    <button type="button" className={buttonClass.ghost} disabled={revoke.isPending} onClick={() => revoke.mutate({ storeId, invitationId: i.id })}>
                      {t('revoke')}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <dl className="space-y-2 text-sm">
          {(['owner', 'manager', 'staff'] as const).map((r) => (
            <div key={r}>
              <dt className="font-semibold text-zinc-900">{t(`roles.${r}`)}</dt>
              <dd className="text-zinc-600">{t(`roleHelp.${r}`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

function InviteForm({ storeId, storeName, onSent }: { storeId: string; storeName: string; onSent: () => void }) {
  const t = useTranslations('team');
  const trpc = useTRPC();
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('staff');
  const [locale, setLocale] = useState<'es' | 'en'>('es');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ email: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reauth, setReauth] = useState(false);
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: (r) => {
        setSent({ email: r.invitation.email, url: r.acceptUrl });
        setEmail('');
        setFields({});
        setError(null);
        onSent();
      },
      onError: (err) => {
        const info = appErrorOf(err);
        setReauth(info.details?.reason === 'RECENT_AUTH_REQUIRED');
        setFields(info.fields);
        setError(Object.keys(info.fields).length ? null : info.message);
      },
    }),
  );

  return (
    <Card>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setSent(null);
          setCopied(false);
          invite.mutate({ storeId, email, role, locale });
        }}
      >
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{t('invite')}</h2>
          <p className="text-sm text-zinc-600">{t('inviteHelp')}</p>
        </div>
        <Field id={`${id}-email`} label={t('email')} error={fields.email}>
          <input
            id={`${id}-email`}
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            className={inputClass}
            placeholder={t('emailPlaceholder')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={Boolean(fields.email)}
            aria-describedby={describedBy(`${id}-email`, { error: fields.email })}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-role`} label={t('role')} error={fields.role}>
            <select id={`${id}-role`} className={inputClass} value={role} onChange={(e) => setRole(e.target.value as TRole)}>
              <option value="staff">{t('roles.staff')}</option>
              <option value="manager">{t('roles.manager')}</option>
            </select>
          </Field>
          <Field id={`${id}-locale`} label={t('emailLanguage')}>
            <select id={`${id}-locale`} className={inputClass} value={locale} onChange={(e) => setLocale(e.target.value as 'es' | 'en')}>
              <option value="es">{t('spanish')}</option>
              <option value="en">{t('english')}</option>
            </select>
          </Field>
        </div>
        <p className="text-sm text-zinc-600">{t(`roleHelp.${role}`)}</p>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error} {reauth ? <ReauthLink storeId={storeId} /> : null}
          </p>
        ) : null}
        <button type="submit" className={buttonClass.primary} disabled={invite.isPending} aria-busy={invite.isPending}>
          {invite.isPending ? t('sending') : t('send')}
        </button>
      </form>
      {sent ? (
        <div role="status" className="mt-4 space-y-2 rounded-2xl border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          <p className="font-medium">{t('sent', { email: sent.email })}</p>
          <p>{t('shareLink')}</p>
          <input readOnly aria-label={t('shareLink')} value={sent.url} className={`${inputClass} text-sm`} onFocus={(e) => e.currentTarget.select()} data-testid="invitation-link" />
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                void navigator.clipboard?.writeText(sent.url).then(() => setCopied(true));
              }}
            >
              {copied ? t('copied') : t('copy')}
            </button>
            <a
              className={buttonClass.secondary}
              target="_blank"
              rel="noopener noreferrer"
              href={`https://wa.me/?text=${encodeURIComponent(t('whatsappText', { store: storeName, url: sent.url }))}`}
            >
              {t('whatsapp')}
            </a>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

/** A sensitive action asked for a fresh sign-in: through /ingresar?reauth=1 and back to this page. */
function ReauthLink({ storeId }: { storeId: string }) {
  const t = useTranslations('team');
  return (
    <a className="font-semibold underline" href={`/ingresar?reauth=1&next=${encodeURIComponent(`/dashboard/tiendas/${storeId}/equipo`)}`}>
      {t('reauth')}
    </a>
  );
}
