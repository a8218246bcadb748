import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ChevronIcon } from './icons';

/** Page links (work without JS). `hrefFor(n)` builds the URL of page n. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const t = useTranslations('common');
  if (pageCount <= 1) return null;
  const pages = new Set<number>([1, pageCount, page - 1, page, page + 1]);
  const list = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const item = 'inline-flex h-10 min-w-10 items-center justify-center rounded-full px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-violet-600';
  return (
    <nav aria-label={t('pagination')} className="mt-10 flex items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={`${item} text-zinc-700 hover:bg-zinc-100`} aria-label={t('previousPage')}>
          <ChevronIcon direction="left" />
          <span className="hidden sm:inline">{t('previous')}</span>
        </Link>
      ) : null}
      {list.map((p, i) => (
        <span key={p} className="contents">
          {i > 0 && p - list[i - 1]! > 1 && <span className="px-1 text-zinc-400">…</span>}
          {p === page ? (
            <span aria-current="page" className={`${item} bg-zinc-900 text-white`}>
              {p}
            </span>
          ) : (
            <Link href={hrefFor(p)} className={`${item} text-zinc-700 hover:bg-zinc-100`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={`${item} text-zinc-700 hover:bg-zinc-100`} aria-label={t('nextPage')}>
          <span className="hidden sm:inline">{t('next')}</span>
          <ChevronIcon />
        </Link>
      ) : null}
    </nav>
  );
}
