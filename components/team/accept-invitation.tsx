'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { buttonClass } from '@/components/dashboard/field';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';

/** Signed in: accept (with the invited address) and go to the store, or sign out to switch accounts. */
export function AcceptInvitation({ token, emailMatches, invitedEmail }: { token: string; emailMatches: boolean; invitedEmail: string }) {
  const t = useTranslations('team');
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.team.accept.mutationOptions({
      onSuccess: (r) => window.location.assign(`/dashboard?tienda=${r.storeId}`),
    }),
  );
  if (!emailMatches) {
    return (
      <div className="space-y-3">
        <p role="alert" className="rounded-2xl bg-amber-50 p-3 text-sm text-amber-900">
          {t('accept.mismatch', { email: invitedEmail })}
        </p>
        <SignOutButton className={`${buttonClass.secondary} w-full`}>{t('accept.signOut')}</SignOutButton>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {accept.error ? (
        <p role="alert" className="text-sm text-red-700">
          {appErrorOf(accept.error).message}
        </p>
      ) : null}
      <button type="button" className={`${buttonClass.primary} w-full`} disabled={accept.isPending} aria-busy={accept.isPending} onClick={() => accept.mutate({ token })}>
        {accept.isPending ? t('accept.accepting') : t('accept.button')}
      </button>
    </div>
  );
}
