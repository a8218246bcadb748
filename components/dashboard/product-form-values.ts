import type { TStoreCurrency } from '@/components/store/currency';
import { minorToMajorText } from '@/components/ui/money-input';
import type { TMediaRef } from '@/server/services/media/schemas';
import type { TOptionRow, TVariantRow } from './product-variants';
import type { TSellerProduct } from './types';

/** Shared by the editor (client) and the edit page (server), so no 'use client' here. */
export type TProductFormValues = {
  title: string;
  description: string;
  categoryId: string;
  price: string;
  compareAtPrice: string;
  currency: TStoreCurrency;
  photos: TMediaRef[];
  options: TOptionRow[];
  variants: TVariantRow[];
};

/** The form's view of a saved product (money in major units as text). */
export function productToForm(p: TSellerProduct, photoUrl: (key: string) => string): TProductFormValues {
  const currency = p.currency as TStoreCurrency;
  return {
    title: p.title,
    description: p.description,
    categoryId: p.categoryId ?? '',
    price: minorToMajorText(p.price, currency),
    compareAtPrice: minorToMajorText(p.compareAtPrice, currency),
    currency,
    photos: p.images.map((i) => ({ mediaId: i.mediaId, url: photoUrl(i.key) })),
    options: p.options,
    variants: p.variants.map((v) => ({
      id: v.id,
      options: v.options,
      sku: v.sku ?? '',
      price: minorToMajorText(v.price, currency),
      stock: String(v.stock),
      reserved: v.reserved,
    })),
  };
}
