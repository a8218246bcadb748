import { ProductPage, productMetadata } from '@/components/product/product-page';
import { staticLocale } from '@/server/i18n/static';

/** ISR (en): the HTML may be a couple of minutes old; the buy box reads exact price and stock live. */
export const revalidate = 120;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ store: string; product: string }> };

export async function generateMetadata({ params }: Props) {
  const { store, product } = await params;
  return productMetadata('en', store, product);
}

export default async function Page({ params }: Props) {
  const locale = staticLocale('en');
  const { store, product } = await params;
  return <ProductPage locale={locale} storeSlug={store} productSlug={product} />;
}
