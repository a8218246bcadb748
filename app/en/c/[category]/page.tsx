import { CategoryPage, categoryMetadata } from '@/components/marketplace/category-page';
import { staticLocale } from '@/server/i18n/static';

/** Category landing (en): static, rebuilt in the background; filtering and further pages go to /buscar. */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ category: string }> };

export async function generateMetadata({ params }: Props) {
  return categoryMetadata('en', (await params).category);
}

export default async function Page({ params }: Props) {
  const locale = staticLocale('en');
  return <CategoryPage locale={locale} category={(await params).category} />;
}
