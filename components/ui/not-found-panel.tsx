import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/server/i18n/config';
import { localizedPath } from '@/server/i18n/paths';
import { SearchIcon } from './icons';

/** Friendly 404 body with a way forward (search or home). */
export async function NotFoundPanel({ title, message }: { title: string; message: string }) {
  const t = await getTranslations('catalog.notFound');
  const c = await getTranslations('common');
  const locale = (await getLocale()) as Locale;
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-violet-700">{t('error')}</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-zinc-900">{title}</h1>
      <p className="mt-3 text-zinc-600">{message}</p>
      <form action="/buscar" method="get" role="search" className="relative mt-8 w-full">
        <label htmlFor="nf-q" className="sr-only">
          {c('searchProducts')}
        </label>
        <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
        <input id="nf-q" name="q" type="search" placeholder={t('searchOther')} className="h-12 w-full rounded-2xl border border-zinc-300 pl-12 pr-4 outline-none focus:border-violet-500 focus:ring-2 focus:ring-violet-200" />
      </form>
      <Link href={localizedPath(locale, '/')} className="mt-6 text-sm font-semibold text-violet-700 hover:underline">
        {t('backHome')}
      </Link>
    </main>
  );
}
