import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { PlanLimitBanner } from '@/components/dashboard/plan-limit-banner';
import { ProductEditor } from '@/components/dashboard/product-editor';
import type { TStoreCurrency } from '@/components/store/currency';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('newProduct') };
}

type Props = { params: Promise<{ storeId: string }> };

export default async function NewProductPage({ params }: Props) {
  const { storeId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/productos/nuevo`);
  const store = await sellerStoreOr404(storeId);
  const caller = await api();
  const [categories, usage, t] = await Promise.all([caller.category.list(), caller.plan.usage(), getTranslations('dashboard.pages')]);
  return (
    <div>
      <PageHeader
        title={t('newProduct')}
        description={store.name}
        back={{ href: `/dashboard/tiendas/${store.id}/productos`, label: t('products') }}
      />
      <PlanLimitBanner usage={usage} resource="activeProducts" />
      <ProductEditor
        storeId={store.id}
        storeSlug={store.slug}
        categories={categories}
        maxPhotos={usage.plan.limits.photosPerProduct}
        initial={{
          title: '',
          description: '',
          categoryId: '',
          price: '',
          compareAtPrice: '',
          currency: store.currency as TStoreCurrency,
          photos: [],
          options: [],
          variants: [{ options: {}, sku: '', price: '', stock: '1' }],
        }}
      />
    </div>
  );
}
