'use client';

import { usePathname, useRouter } from 'next/navigation';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale } from '@/server/i18n/config';
import { hasLocaleVariant, localizedPath, splitLocalePath } from '@/server/i18n/paths';

function remember(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
}

/** Signed in: emails and push notifications follow the choice (account.setLocale); signed out it answers 401, ignored. */
function persist(locale: Locale): Promise<unknown> {
  return fetch('/api/trpc/account.setLocale', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { locale } }),
    keepalive: true,
  }).catch(() => undefined);
}

/**
 * "English" / "Español". On a bilingual public page it is a real link to the other language's URL (crawlable,
 * hreflang); elsewhere it stores the choice in the cookie and re-renders the page on the server. Locale and label come
 * from the server component that renders it (public pages ship no i18n client).
 */
export function LocaleSwitch({ locale, label, className = '' }: { locale: Locale; /** common.switchToLabel */ label: string; className?: string }) {
  const pathname = usePathname() ?? '/';
  const router = useRouter();
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const base = splitLocalePath(pathname).path;
  const cls = `inline-flex h-10 items-center rounded-full px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 ${className}`;
  if (hasLocaleVariant(base)) {
    const href = localizedPath(other, base);
    return (
      <a href={href} hrefLang={other} lang={other} className={cls} aria-label={label} onClick={() => {
          remember(other);
          void persist(other);
        }} data-testid="locale-switch">
        {other.toUpperCase()}
      </a>
    );
  }
  return (
    <button
      type="button"
      lang={other}
      className={cls}
      aria-label={label}
      data-testid="locale-switch"
      onClick={async () => {
        remember(other);
        await persist(other);
        router.refresh();
      }}
    >
      {other.toUpperCase()}
    </button>
  );
}
