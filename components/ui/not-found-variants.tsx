import { getTranslations } from 'next-intl/server';
import { NotFoundPanel } from './not-found-panel';

/** 404 bodies of the public pages, in the page's language. */
export async function NotFoundFor({ what }: { what: 'category' | 'store' | 'product' }) {
  const t = await getTranslations(`catalog.${what}`);
  return <NotFoundPanel title={t('notFoundTitle')} message={t('notFoundMessage')} />;
}
