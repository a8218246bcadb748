import { ogCard, ogPhoto, OG_SIZE } from '@/components/og/og-card';
import { formatMoney } from '@/components/ui/money';
import { getProductPageCached } from '@/server/cache/catalog';

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'VITA';
export const revalidate = 3600;

/** Open Graph card of a product: its first photo, title, price and the store, in the store's brand colour. */
export default async function ProductOgImage({ params }: { params: Promise<{ store: string; product: string }> }) {
  const { store, product } = await params;
  const page = await getProductPageCached(store, product);
  if (!page) return ogCard({ brand: '#7c3aed', kicker: 'VITA', title: 'VITA', photo: null });
  const p = page.product;
  return ogCard({
    brand: page.store.brandColor,
    kicker: page.store.name,
    title: p.title,
    subtitle: formatMoney(p.priceMin, p.currency),
    photo: await ogPhoto(p.images[0]?.url),
  });
}
