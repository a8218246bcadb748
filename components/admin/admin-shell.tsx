'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';

const NAV = [
  { href: '/admin', key: 'home' },
  { href: '/admin/kyc', key: 'kyc' },
  { href: '/admin/tiendas', key: 'stores' },
  { href: '/admin/usuarios', key: 'users' },
  { href: '/admin/curaduria', key: 'curation' },
  { href: '/admin/retiros', key: 'payouts' },
  { href: '/admin/auditoria', key: 'audit' },
] as const;

/** Top bar and a horizontally scrolling section list (phones) / sidebar (desktop). */
export function AdminShell({ email, children }: { email: string; children: ReactNode }) {
  const t = useTranslations('admin.shell');
  const pathname = usePathname();
  const active = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname.startsWith(href));
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur">
        <div className="flex h-14 items-center gap-2 px-3 sm:px-6">
          <Link href="/admin" className="flex min-h-11 items-center rounded-xl px-1 text-xl font-black tracking-tight text-violet-700">
            VITA <span className="ml-2 rounded-full bg-zinc-900 px-2 py-0.5 text-xs font-semibold text-white">admin</span>
          </Link>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden max-w-48 truncate text-sm text-zinc-500 md:inline">{email}</span>
            <SignOutButton className="inline-flex min-h-11 items-center rounded-xl px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-100">{t('signOut')}</SignOutButton>
          </div>
        </div>
        <nav aria-label={t('sections')} className="overflow-x-auto border-t border-zinc-100 lg:hidden">
          <ul className="flex gap-1 px-2 py-1.5">
            {NAV.map((n) => (
              <li key={n.href}>
                <Link
                  href={n.href}
                  aria-current={active(n.href) ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-xl px-3 text-sm font-medium ${active(n.href) ? 'bg-violet-100 text-violet-800' : 'text-zinc-700 hover:bg-zinc-100'}`}
                >
                  {t(`nav.${n.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <div className="mx-auto flex max-w-6xl gap-6 px-3 py-4 sm:px-6 lg:py-6">
        <nav aria-label={t('sections')} className="hidden w-48 shrink-0 lg:block">
          <ul className="sticky top-20 space-y-1">
            {NAV.map((n) => (
              <li key={n.href}>
                <Link
                  href={n.href}
                  aria-current={active(n.href) ? 'page' : undefined}
                  className={`flex min-h-11 items-center rounded-xl px-3 text-sm font-medium ${active(n.href) ? 'bg-violet-100 text-violet-800' : 'text-zinc-700 hover:bg-zinc-100'}`}
                >
                  {t(`nav.${n.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="contenido" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
