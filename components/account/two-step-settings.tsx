'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { refreshSession } from '@/components/auth/refresh-session';
import { Skeleton } from '@/components/dashboard/skeleton';

type Setup = { secret: string; uri: string; qrSvg: string };
type Failure = { code: string; message: string; reason?: string };
type Answer<T> = { ok: true; data: T } | { ok: false; status: number; error: Failure };

/** The session cookies are HttpOnly: /api/auth/mfa reads the access token from them; a 401 refreshes once. */
async function call<T>(init?: { action: string; code?: string }): Promise<Answer<T>> {
  const send = () =>
    fetch('/api/auth/mfa', init ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init) } : { cache: 'no-store' });
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  const body = (await res.json().catch(() => ({}))) as { error?: Failure } & T;
  return res.ok ? { ok: true, data: body } : { ok: false, status: res.status, error: body.error ?? { code: 'INTERNAL_SERVER_ERROR', message: '' } };
}

/** Turn two-step verification (TOTP) on with a QR code and a first code, or off (which needs a recent sign-in). */
export function TwoStepSettings() {
  const t = useTranslations('security');
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  const fail = useCallback((a: { status: number; error: Failure }) => setError(a.status === 401 ? { code: 'UNAUTHORIZED', message: t('expired') } : { ...a.error, message: a.error.message || t('error') }), [t]);

  useEffect(() => {
    void call<{ enabled: boolean }>().then((a) => (a.ok ? setEnabled(a.data.enabled) : fail(a)));
  }, [fail]);

  async function run<T>(action: { action: string; code?: string }, onOk: (data: T) => void) {
    setBusy(true);
    setError(null);
    setNotice(null);
    const a = await call<T>(action);
    setBusy(false);
    if (a.ok) onOk(a.data);
    else fail(a);
  }

  const needsSignIn = error?.code === 'UNAUTHORIZED' || error?.reason === 'RECENT_AUTH_REQUIRED';

  return (
    <section className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-4 sm:p-6" aria-live="polite">
      {enabled === null && !error ? (
        <div className="space-y-2" role="status" aria-busy="true" aria-label={t('loading')}>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-full" />
        </div>
      ) : null}

      {enabled !== null ? (
        <div className="flex items-start gap-3" data-testid="two-step" data-enabled={String(enabled)}>
          <span aria-hidden className={`mt-1 inline-block size-3 shrink-0 rounded-full ${enabled ? 'bg-emerald-500' : 'bg-zinc-300'}`} />
          <div>
            <h2 className="font-semibold text-zinc-900">{enabled ? t('on') : t('off')}</h2>
            <p className="text-sm text-zinc-600">{enabled ? t('onHelp') : t('offHelp')}</p>
          </div>
        </div>
      ) : null}

      {notice ? <p className="rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{notice}</p> : null}
      {error ? (
        <div role="alert" className="rounded-xl bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{error.message}</p>
          {needsSignIn ? (
            <Link href="/ingresar?next=/dashboard/seguridad" className="mt-1 inline-block font-semibold underline">
              {t('signInAgain')}
            </Link>
          ) : null}
        </div>
      ) : null}

      {enabled === false && !setup ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run<Setup>({ action: 'start' }, setSetup)}
          className="min-h-11 w-full rounded-xl bg-violet-700 px-4 text-sm font-semibold text-white hover:bg-violet-800 disabled:opacity-60 sm:w-auto"
        >
          {t('start')}
        </button>
      ) : null}

      {enabled === false && setup ? (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void run<{ enabled: boolean }>({ action: 'confirm', code }, () => {
              setEnabled(true);
              setSetup(null);
              setCode('');
              setNotice(t('done'));
            });
          }}
        >
          <div className="space-y-2">
            <p className="text-sm font-medium text-zinc-900">{t('scan')}</p>
            {/* The SVG comes from our server's QR library; as an image it cannot run anything. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('qrAlt')}
              width={192}
              height={192}
              className="size-48 rounded-lg border border-zinc-200 bg-white p-2"
              data-testid="totp-qr"
            />
            <p className="text-sm text-zinc-600">{t('manual')}</p>
            <code className="block break-all rounded-lg bg-zinc-100 px-3 py-2 font-mono text-sm tracking-wider text-zinc-900" data-testid="totp-secret">
              {setup.secret}
            </code>
          </div>
          <label className="block space-y-1">
            <span className="text-sm font-medium text-zinc-900">{t('enterCode')}</span>
            <input
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              required
              aria-label={t('codeLabel')}
              className="block h-12 w-40 rounded-xl border border-zinc-300 px-3 text-center font-mono text-lg tracking-[0.3em] text-zinc-900"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={busy || code.length !== 6} className="min-h-11 rounded-xl bg-violet-700 px-4 text-sm font-semibold text-white hover:bg-violet-800 disabled:opacity-60">
              {t('confirm')}
            </button>
            <button type="button" onClick={() => setSetup(null)} className="min-h-11 rounded-xl px-4 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}

      {enabled ? (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run<{ enabled: boolean }>({ action: 'disable' }, () => {
              setEnabled(false);
              setNotice(t('disabled'));
            })
          }
          className="min-h-11 rounded-xl border border-zinc-300 px-4 text-sm font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-60"
        >
          {t('disable')}
        </button>
      ) : null}
    </section>
  );
}
