import { HomePage, homeMetadata } from '@/components/marketplace/home-page';
import { staticLocale } from '@/server/i18n/static';

/** Static marketplace front page, rebuilt in the background every few minutes. English: app/en/page.tsx. */
export const revalidate = 300;

export function generateMetadata() {
  return homeMetadata('es');
}

export default function MarketplaceHome() {
  return <HomePage locale={staticLocale('es')} />;
}
