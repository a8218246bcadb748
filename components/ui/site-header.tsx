import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CartLink } from '@/components/cart/cart-link';
import { cartLinkLabels } from '@/components/product/offer-labels';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { SearchIcon } from './icons';
import { LocaleSwitch } from './locale-switch';

/** Public header: logo, search, sell, cart, sign in. Static (no session read; the cart count is a client island), so cached pages stay cacheable. */
export async function SiteHeader({ query = '' }: { query?: string }) {
  const t = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200/70 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:h-16">
        <Link href={localizedPath(locale, '/')} className="rounded-md text-2xl font-black tracking-tight text-violet-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600" aria-label={t('home')}>
          VITA
        </Link>
        <form action="/buscar" method="get" role="search" className="relative hidden flex-1 sm:block sm:max-w-md lg:max-w-lg">
          <label htmlFor="header-q" className="sr-only">
            {t('searchProducts')}
          </label>
          <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <input
            id="header-q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder={t('searchPlaceholder')}
            className="h-10 w-full rounded-full border border-zinc-200 bg-zinc-50 pl-9 pr-4 text-sm outline-none transition placeholder:text-zinc-400 focus:border-violet-500 focus:bg-white focus:ring-2 focus:ring-violet-200"
          />
        </form>
        <nav aria-label={t('mainNav')} className="ml-auto flex items-center gap-1 text-sm font-medium">
          <Link href="/buscar" className="inline-flex items-center gap-1.5 rounded-full px-3 py-2 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600 sm:hidden">
            <SearchIcon className="size-4" />
            <span className="max-[400px]:sr-only">{t('search')}</span>
          </Link>
          <Link href="/dashboard" className="rounded-full px-3 py-2 text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-violet-600">
            <span className="sm:hidden">{t('sell')}</span>
            <span className="hidden sm:inline">{t('sellOnVita')}</span>
          </Link>
          <LocaleSwitch locale={locale} label={t('switchToLabel')} className="max-[380px]:px-2" />
          <CartLink labels={cartLinkLabels(locale, t)} />
          <Link href="/ingresar" className="rounded-full bg-zinc-900 px-3.5 py-2 text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600">
            {t('signIn')}
          </Link>
        </nav>
      </div>
    </header>
  );
}
