import { HomePage, homeMetadata } from '@/components/marketplace/home-page';
import { staticLocale } from '@/server/i18n/static';

/** English marketplace front page (static; Spanish at /). */
export const revalidate = 300;

export function generateMetadata() {
  return homeMetadata('en');
}

export default function MarketplaceHomeEn() {
  return <HomePage locale={staticLocale('en')} />;
}
