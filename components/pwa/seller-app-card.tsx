'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { browserPushState, currentSubscription, subscribeBrowser, type BrowserPushState } from './push-client';
import { installState, promptInstall, subscribeInstall } from './install-store';

type Prefs = { newOrder: boolean; newMessage: boolean; storeLive: boolean; devices: number };

/**
 * The seller's "VITA on your phone" card: install the app (Chromium's deferred prompt) and turn on push
 * notifications — the permission is asked only when the person presses the button, never on page load.
 */
export function SellerAppCard() {
  const t = useTranslations('pwa.card');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const install = useSyncExternalStore(subscribeInstall, installState, () => 'unavailable' as const);
  const config = useQuery(trpc.push.config.queryOptions());
  const prefs = useQuery(trpc.push.preferences.queryOptions());
  const [state, setState] = useState<BrowserPushState | 'subscribed' | 'busy' | 'error'>('unsupported');

  useEffect(() => {
    const s = browserPushState();
    setState(s);
    if (s === 'granted') void currentSubscription().then((sub) => sub && setState('subscribed'));
  }, []);

  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());
  const setPrefs = useMutation(
    trpc.push.setPreferences.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.push.preferences.queryKey() }) }),
  );

  async function enable() {
    const key = config.data?.publicKey;
    if (!key) return;
    setState('busy');
    try {
      const sub = await subscribeBrowser(key);
      if (sub === 'denied') return setState('denied');
      await subscribe.mutateAsync({ ...sub, userAgent: navigator.userAgent.slice(0, 400) });
      await qc.invalidateQueries({ queryKey: trpc.push.preferences.queryKey() });
      setState('subscribed');
    } catch {
      setState('error');
    }
  }

  async function disable() {
    setState('busy');
    const sub = await currentSubscription();
    if (sub) {
      await unsubscribe.mutateAsync({ endpoint: sub.endpoint }).catch(() => undefined);
      await sub.unsubscribe().catch(() => undefined);
    }
    await qc.invalidateQueries({ queryKey: trpc.push.preferences.queryKey() });
    setState('default');
  }

  const current: Prefs | undefined = prefs.data;
  const toggle = (k: 'newOrder' | 'newMessage' | 'storeLive') => current && setPrefs.mutate({ newOrder: current.newOrder, newMessage: current.newMessage, storeLive: current.storeLive, [k]: !current[k] });
  const btn =
    'inline-flex min-h-11 items-center justify-center rounded-xl px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 disabled:opacity-60';

  return (
    <section aria-labelledby="app-card" className="rounded-2xl border border-zinc-200 bg-white p-4 sm:p-5" data-testid="seller-app-card">
      <h2 id="app-card" className="text-base font-semibold text-zinc-900">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-zinc-600">{t('lead')}</p>
      <div className="mt-4 flex flex-wrap gap-2">
        {install === 'available' && (
          <button type="button" onClick={() => void promptInstall()} className={`${btn} bg-violet-700 text-white hover:bg-violet-800`} data-testid="install-app">
            {t('install')}
          </button>
        )}
        {config.data?.publicKey && (state === 'default' || state === 'granted' || state === 'error' || state === 'busy') && (
          <button type="button" onClick={() => void enable()} disabled={state === 'busy'} className={`${btn} border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50`} data-testid="enable-push">
            {state === 'busy' ? t('enabling') : t('enable')}
          </button>
        )}
        {state === 'subscribed' && (
          <button type="button" onClick={() => void disable()} className={`${btn} border border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50`}>
            {t('disable')}
          </button>
        )}
      </div>
      <p className="mt-3 text-sm text-zinc-600" aria-live="polite">
        {install === 'installed' && <span className="block">{t('installed')}</span>}
        {state === 'subscribed' && <span className="block text-emerald-800">{t('enabled')}</span>}
        {state === 'denied' && <span className="block text-amber-800">{t('denied')}</span>}
        {state === 'error' && <span className="block text-rose-700">{t('error')}</span>}
        {(state === 'unsupported' || state === 'no-worker') && <span className="block">{t('unsupported')}</span>}
        {config.data && !config.data.publicKey && <span className="block">{t('notConfigured')}</span>}
      </p>
      {current && current.devices > 0 && (
        <fieldset className="mt-4 space-y-2">
          <legend className="text-sm font-medium text-zinc-900">{t('prefsTitle')}</legend>
          {(['newOrder', 'newMessage', 'storeLive'] as const).map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-3 text-sm text-zinc-700">
              <input type="checkbox" className="size-5 accent-violet-700" checked={current[k]} onChange={() => toggle(k)} disabled={setPrefs.isPending} />
              {t(k)}
            </label>
          ))}
          <p className="text-xs text-zinc-500">{t('devices', { count: current.devices })}</p>
        </fieldset>
      )}
    </section>
  );
}
