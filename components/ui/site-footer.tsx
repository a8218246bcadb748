import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ThemeSwitch } from './theme-switch';

export async function SiteFooter() {
  const t = await getTranslations('common.footer');
  const theme = await getTranslations('common.theme');
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-zinc-600 sm:grid-cols-3">
        <div>
          <p className="text-xl font-black tracking-tight text-violet-700">VITA</p>
          <p className="mt-2 max-w-xs">{t('tagline')}</p>
        </div>
        <nav aria-label={t('buy')} className="space-y-2">
          <p className="font-semibold text-zinc-900">{t('buy')}</p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar">{t('allProducts')}</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar?orden=newest">{t('newest')}</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar?orden=bestsellers">{t('bestsellers')}</Link></p>
        </nav>
        <nav aria-label={t('sell')} className="space-y-2">
          <p className="font-semibold text-zinc-900">{t('sell')}</p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/dashboard">{t('openStore')}</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/ingresar">{t('signIn')}</Link></p>
        </nav>
      </div>
      <div className="border-t border-zinc-200">
        <div className="mx-auto flex max-w-6xl flex-col items-center gap-3 px-4 py-4 sm:flex-row sm:justify-between">
          <p className="text-center text-xs text-zinc-500">© {new Date().getFullYear()} VITA · {t('madeIn')}</p>
          {/* Labels from the server: the switch needs no i18n provider (it ships in every cached public page). */}
          <ThemeSwitch labels={{ label: theme('label'), system: theme('system'), light: theme('light'), dark: theme('dark') }} />
        </div>
      </div>
    </footer>
  );
}
