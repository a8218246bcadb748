import { StorePage, storeMetadata } from '@/components/store/store-page';
import { staticLocale } from '@/server/i18n/static';

/** ISR (es): rebuilt in the background at most every 2 minutes; exact prices and stock come from the live island. */
export const revalidate = 120;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ store: string }> };

export async function generateMetadata({ params }: Props) {
  return storeMetadata('es', (await params).store);
}

export default async function Page({ params }: Props) {
  const locale = staticLocale('es');
  return <StorePage locale={locale} slug={(await params).store} />;
}
