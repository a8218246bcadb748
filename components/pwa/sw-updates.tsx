'use client';

import type { Serwist } from '@serwist/window';
import { useEffect, useState } from 'react';
import { clientLocale } from './client-locale';
import { captureInstallPrompt, markInstalled, type InstallPromptEvent } from './install-store';

declare global {
  interface Window {
    /** Set by @serwist/next's entry in production builds; absent in `next dev`. */
    serwist?: Serwist;
  }
}

const TEXT = {
  es: { body: 'Hay una nueva versión de VITA.', update: 'Actualizar', later: 'Después' },
  en: { body: 'A new version of VITA is available.', update: 'Update', later: 'Later' },
};

/**
 * Registers the service worker (production builds only), keeps the install prompt for the seller UI, and shows
 * "new version available" when an updated worker is waiting; accepting activates it and reloads once.
 */
export function ServiceWorkerUpdates() {
  const [waiting, setWaiting] = useState(false);
  const [lang, setLang] = useState<'es' | 'en'>('es');

  useEffect(() => {
    const onBeforeInstall = (e: Event) => captureInstallPrompt(e as InstallPromptEvent);
    const onInstalled = () => markInstalled();
    window.addEventListener('beforeinstallprompt', onBeforeInstall);
    window.addEventListener('appinstalled', onInstalled);
    if (window.matchMedia?.('(display-mode: standalone)').matches) markInstalled();

    const sw = window.serwist;
    if (sw) {
      sw.addEventListener('waiting', () => {
        setLang(clientLocale());
        setWaiting(true);
      });
      sw.addEventListener('controlling', (event) => {
        // Only reload for an update the person accepted, not for the first install.
        if (event.isUpdate) window.location.reload();
      });
      void sw.register().catch(() => undefined);
    }
    return () => {
      window.removeEventListener('beforeinstallprompt', onBeforeInstall);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);

  if (!waiting) return null;
  const t = TEXT[lang];
  return (
    <div role="status" lang={lang} className="fixed inset-x-3 bottom-20 z-50 mx-auto flex max-w-md items-center gap-3 rounded-2xl bg-zinc-900 px-4 py-3 text-sm text-white shadow-xl sm:bottom-6" data-testid="sw-update">
      <span className="flex-1">{t.body}</span>
      <button type="button" onClick={() => setWaiting(false)} className="rounded-full px-3 py-2 text-zinc-300 hover:text-white">
        {t.later}
      </button>
      <button
        type="button"
        onClick={() => window.serwist?.messageSkipWaiting()}
        className="rounded-full bg-white px-4 py-2 font-semibold text-zinc-900 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      >
        {t.update}
      </button>
    </div>
  );
}
