import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { mediaUrl, sellerProductOr404, sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { ProductEditor } from '@/components/dashboard/product-editor';
import { productToForm } from '@/components/dashboard/product-form-values';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.pages'))('editProduct') };
}

type Props = {
  params: Promise<{ storeId: string; productId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditProductPage({ params, searchParams }: Props) {
  const { storeId, productId } = await params;
  await requireUser(`/dashboard/tiendas/${storeId}/productos/${productId}`);
  const store = await sellerStoreOr404(storeId);
  const product = await sellerProductOr404(store.id, productId);
  const caller = await api();
  const [categories, usage, t] = await Promise.all([caller.category.list(), caller.plan.usage(), getTranslations('dashboard.pages')]);
  return (
    <div>
      <PageHeader
        title={product.title}
        description={store.name}
        back={{ href: `/dashboard/tiendas/${store.id}/productos`, label: t('products') }}
      />
      <ProductEditor
        key={product.id}
        storeId={store.id}
        storeSlug={store.slug}
        categories={categories}
        maxPhotos={usage.plan.limits.photosPerProduct}
        initial={productToForm(product, (key) => mediaUrl(key) ?? '')}
        product={{ id: product.id, slug: product.slug, status: product.status }}
        justCreated={(await searchParams).creado === '1'}
      />
    </div>
  );
}
