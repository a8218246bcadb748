'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { buttonClass } from './field';

/**
 * "1–20 of 57" and previous / next for the seller's paged lists. `namespace` holds that list's words:
 * `pagination`, `range` (rich, with `from`, `to`, `total`, `count`, `<b>`), `previous`, `next`.
 */
export function ListPagination({
  namespace,
  pageSize,
  page,
  pages,
  total,
  shown,
  onPage,
}: {
  namespace: 'dashboard.orders' | 'dashboard.products';
  pageSize: number;
  page: number;
  pages: number;
  total: number;
  shown: number;
  onPage: (p: number) => void;
}) {
  const t = useTranslations(namespace);
  const format = useFormatter();
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + shown;
  return (
    <nav aria-label={t('pagination')} className="mt-3 flex items-center justify-between gap-3">
      <p className="text-sm text-zinc-600">
        {t.rich('range', {
          from: format.number(from),
          to: format.number(to),
          total: format.number(total),
          count: total,
          b: (chunks) => <span className="font-semibold text-zinc-900">{chunks}</span>,
        })}
      </p>
      {pages > 1 ? <PageStepper page={page} pages={pages} onPage={onPage} previous={t('previous')} next={t('next')} /> : null}
    </nav>
  );
}

/** Previous / "2 / 5" / next: the buttons of every paged list (the labels are the list's own words). */
export function PageStepper({ page, pages, onPage, previous, next }: { page: number; pages: number; onPage: (p: number) => void; previous: string; next: string }) {
  return (
    <div className="flex items-center gap-2">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} className={`${buttonClass.secondary} px-3`}>
        <span aria-hidden="true">←</span>
        <span className="sr-only sm:not-sr-only">{previous}</span>
      </button>
      <span className="text-sm tabular-nums text-zinc-600">
        {page} / {pages}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages} className={`${buttonClass.secondary} px-3`}>
        <span className="sr-only sm:not-sr-only">{next}</span>
        <span aria-hidden="true">→</span>
      </button>
    </div>
  );
}
