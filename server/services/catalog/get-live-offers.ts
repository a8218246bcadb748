import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { effectiveVariant, type PublicVariant } from './get-product-page';
import { ZLiveOffersInput, type TLiveOffersInput } from './schemas';

export type LiveOffer = {
  productId: string;
  currency: string;
  priceMin: number;
  compareAtPrice: number | null;
  available: number;
  variants: PublicVariant[];
};

/**
 * Current price, compare-at and availability per variant for the given products — what cached pages must not
 * guess. Never cached. Products that are not public (archived, suspended store, unknown id) are simply absent.
 */
export async function getLiveOffers({ db, input }: { db: DbOrTx; input: TLiveOffersInput }): Promise<LiveOffer[]> {
  const { productIds } = ZLiveOffersInput.parse(input);
  const ids = [...new Set(productIds)];
  const rows = (await db.execute(sql`
    SELECT p.id AS product_id, p.currency, p.price, p.compare_at_price, p.price_min,
      v.id, v.options, v.price AS variant_price, v.compare_at_price AS variant_compare, v.stock - v.reserved AS available
    FROM products p
    JOIN stores s ON s.id = p.store_id AND s.status = 'active'
    JOIN product_variants v ON v.product_id = p.id
    WHERE p.id = ANY(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]) AND p.status = 'active'
    ORDER BY p.id, v.position, v.id
  `)) as unknown as Array<{
    product_id: string;
    currency: string;
    price: string;
    compare_at_price: string | null;
    price_min: string;
    id: string;
    options: Record<string, string>;
    variant_price: string | null;
    variant_compare: string | null;
    available: number;
  }>;
  const byProduct = new Map<string, LiveOffer>();
  for (const r of rows) {
    let offer = byProduct.get(r.product_id);
    const basePrice = Number(r.price);
    const baseCompare = r.compare_at_price === null ? null : Number(r.compare_at_price);
    if (!offer) {
      const priceMin = Number(r.price_min);
      offer = {
        productId: r.product_id,
        currency: r.currency.trim(),
        priceMin,
        compareAtPrice: baseCompare !== null && baseCompare > priceMin ? baseCompare : null,
        available: 0,
        variants: [],
      };
      byProduct.set(r.product_id, offer);
    }
    const v = effectiveVariant(
      { id: r.id, options: r.options, price: r.variant_price, compare_at_price: r.variant_compare, available: r.available },
      basePrice,
      baseCompare,
    );
    offer.variants.push(v);
    offer.available += v.available;
  }
  return ids.map((id) => byProduct.get(id)).filter((o): o is LiveOffer => o !== undefined);
}
