'use client';

import { useEffect, useState } from 'react';

/**
 * Offline page body, bilingual on the client (the page is one precached file, so it cannot know the language on
 * the server): reads the language the person chose (cookie) or the browser's. Retries when the connection returns.
 */
const TEXT = {
  es: {
    title: 'Sin conexión',
    body: 'No pudimos cargar esta página porque no hay internet. Las tiendas y productos que ya visitaste siguen disponibles.',
    retry: 'Reintentar',
    home: 'Ir al inicio',
  },
  en: {
    title: 'You are offline',
    body: "We couldn't load this page because there is no internet connection. Stores and products you already visited are still available.",
    retry: 'Try again',
    home: 'Go to home',
  },
};

export function OfflineView() {
  const [lang, setLang] = useState<'es' | 'en'>('es');
  useEffect(() => {
    const cookie = document.cookie.match(/(?:^|; )NEXT_LOCALE=(es|en)/)?.[1];
    setLang((cookie as 'es' | 'en' | undefined) ?? (navigator.language.startsWith('en') ? 'en' : 'es'));
    const back = () => window.location.reload();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, []);
  const t = TEXT[lang];
  return (
    <main lang={lang} className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-6 text-center" data-testid="offline-page">
      <p className="text-3xl font-black tracking-tight text-violet-700">VITA</p>
      <svg viewBox="0 0 24 24" className="mt-8 size-14 text-zinc-400" fill="none" stroke="currentColor" strokeWidth={1.6} aria-hidden="true">
        <path d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h.01M3 3l18 18" strokeLinecap="round" />
      </svg>
      <h1 className="mt-4 text-2xl font-bold text-zinc-900">{t.title}</h1>
      <p className="mt-2 text-zinc-600">{t.body}</p>
      <div className="mt-8 flex gap-3">
        <button type="button" onClick={() => window.location.reload()} className="h-12 rounded-full bg-violet-700 px-6 text-sm font-semibold text-white hover:bg-violet-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-700">
          {t.retry}
        </button>
        <a href={lang === 'en' ? '/en' : '/'} className="inline-flex h-12 items-center rounded-full border border-zinc-300 px-6 text-sm font-semibold text-zinc-900 hover:bg-zinc-50">
          {t.home}
        </a>
      </div>
    </main>
  );
}
