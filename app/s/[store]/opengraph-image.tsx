import { ogCard, ogPhoto, OG_SIZE } from '@/components/og/og-card';
import { formatMoney } from '@/components/ui/money';
import { getStorePageCached } from '@/server/cache/catalog';

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'VITA';
export const revalidate = 3600;

/** Open Graph card of a store (WhatsApp/Facebook previews): brand colour, name, a product photo. */
export default async function StoreOgImage({ params }: { params: Promise<{ store: string }> }) {
  const page = await getStorePageCached((await params).store);
  if (!page) return ogCard({ brand: '#7c3aed', kicker: 'VITA', title: 'VITA', photo: null });
  const { store, products } = page;
  const first = products[0];
  const subtitle = first ? `${first.title} · ${formatMoney(first.priceMin, first.currency)}` : store.description;
  return ogCard({ brand: store.brandColor, kicker: store.verified ? `${store.name} ✓` : store.name, title: store.name, subtitle, photo: await ogPhoto(store.logo?.url ?? first?.image?.url) });
}
