import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Suspense, type ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LocaleSwitch } from '@/components/ui/locale-switch';
import type { Locale } from '@/server/i18n/config';
import type { TShellStore } from './current-store';
import { BottomNav, SidebarNav } from './dashboard-nav';
import { StoreSwitcher } from './store-switcher';

/** Top bar (logo, store switcher, sign out); sidebar on desktop; bottom navigation on phones. */
export function DashboardShell({ stores, email, children }: { stores: TShellStore[]; email: string; children: ReactNode }) {
  const t = useTranslations('dashboard.shell');
  const tCommon = useTranslations('common');
  const locale = useLocale() as Locale;
  return (
    <div className="min-h-dvh bg-zinc-50">
      <a
        href="#contenido"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t('skip')}
      </a>
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur">
        <div className="flex h-14 items-center gap-1 px-2 sm:gap-2 sm:px-4 lg:px-6">
          <Link
            href="/dashboard"
            className="flex min-h-11 items-center rounded-xl px-2 text-xl font-black tracking-tight text-violet-700 focus-visible:outline-2 focus-visible:outline-violet-600"
            aria-label={t('home')}
          >
            VITA
          </Link>
          <span aria-hidden="true" className="h-6 w-px bg-zinc-200" />
          <Suspense fallback={<div className="h-11 w-32" />}>
            <StoreSwitcher stores={stores} />
          </Suspense>
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            <span className="hidden max-w-48 truncate text-sm text-zinc-500 md:inline" title={email}>
              {email}
            </span>
            <LocaleSwitch locale={locale} label={tCommon('switchToLabel')} />
            <SignOutButton className="inline-flex min-h-11 items-center whitespace-nowrap rounded-xl px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60">
              {t('signOut')}
            </SignOutButton>
          </div>
        </div>
      </header>
      <div className="lg:flex">
        <aside className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-60 shrink-0 border-r border-zinc-200 bg-white p-3 lg:block">
          <Suspense fallback={null}>
            <SidebarNav stores={stores} />
          </Suspense>
        </aside>
        <main id="contenido" className="min-w-0 flex-1 px-4 pb-28 pt-5 sm:px-6 lg:px-8 lg:pb-12 lg:pt-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
      <Suspense fallback={null}>
        <BottomNav stores={stores} />
      </Suspense>
    </div>
  );
}
