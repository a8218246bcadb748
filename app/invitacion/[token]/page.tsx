import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/dashboard/field';
import { IntlProvider } from '@/components/providers/intl';
import { TrpcProvider } from '@/components/providers/trpc';
import { AcceptInvitation } from '@/components/team/accept-invitation';
import { getCurrentUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Invitación', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

/** The link of an invitation email: who invites, to which store and role; sign in (or up), then accept. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations('team');
  const user = await getCurrentUser();
  let preview: Awaited<ReturnType<Awaited<ReturnType<typeof api>>['team']['invitation']>> | null = null;
  if (/^[A-Za-z0-9_-]{43}$/.test(token)) {
    try {
      preview = await (await api()).team.invitation({ token });
    } catch (err) {
      if (!(err instanceof TRPCError && err.code === 'NOT_FOUND')) throw err;
    }
  }
  const here = `/invitacion/${token}`;
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="rounded-3xl border border-zinc-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-violet-700">VITA</p>
        {!preview ? (
          <p className="mt-3 text-zinc-800">{t('accept.notFound')}</p>
        ) : (
          <>
            <h1 className="mt-2 text-xl font-bold text-zinc-900">{t('accept.title', { store: preview.storeName })}</h1>
            <p className="mt-2 text-zinc-700">
              {preview.inviter
                ? t('accept.body', { inviter: preview.inviter, role: t(`roles.${preview.role}`) })
                : t('accept.bodyNoInviter', { role: t(`roles.${preview.role}`) })}
            </p>
            <p className="mt-1 text-sm text-zinc-600">{t(`roleHelp.${preview.role}`)}</p>
            <p className="mt-3 text-sm text-zinc-600">{t('accept.for', { email: preview.email })}</p>
            <div className="mt-5">
              {preview.state !== 'open' ? (
                <p role="status" className="rounded-2xl bg-amber-50 p-3 text-sm text-amber-900">
                  {t(`accept.${preview.state}`)}
                </p>
              ) : !user ? (
                <Link className={`${buttonClass.primary} w-full`} href={`/ingresar?next=${encodeURIComponent(here)}`}>
                  {t('accept.signIn')}
                </Link>
              ) : (
                <TrpcProvider>
                  <IntlProvider namespaces={['team', 'common']}>
                    <AcceptInvitation token={token} emailMatches={Boolean(preview.emailMatches)} invitedEmail={preview.email} />
                  </IntlProvider>
                </TrpcProvider>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
