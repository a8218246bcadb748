import { useTranslations } from 'next-intl';
import { NotFoundPanel } from './not-found-panel';

/** 404 bodies of the public pages, in the page's language. */
export function NotFoundFor({ what }: { what: 'category' | 'store' | 'product' }) {
  const t = useTranslations(`catalog.${what}`);
  return <NotFoundPanel title={t('notFoundTitle')} message={t('notFoundMessage')} />;
}
