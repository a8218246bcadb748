'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * Ends the session (the server clears the HttpOnly cookies and revokes the refresh token) and reloads at `/`,
 * so no client cache keeps the signed-in user's data.
 */
export function SignOutButton({ className, children }: { className?: string; children?: React.ReactNode }) {
  const t = useTranslations('common');
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    try {
      const res = await fetch('/api/auth/session', { method: 'DELETE', credentials: 'same-origin' });
      if (!res.ok) throw new Error(`sign-out ${res.status}`);
      window.location.assign('/');
    } catch {
      setPending(false);
      setFailed(true);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={signOut}
        disabled={pending}
        aria-busy={pending}
        className={
          className ??
          'rounded-xl border border-zinc-300 px-4 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:opacity-60'
        }
      >
        {pending ? t('signingOut') : (children ?? t('signOutLong'))}
      </button>
      {failed ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {t('signOutFailed')}
        </span>
      ) : null}
    </>
  );
}
