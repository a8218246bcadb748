import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstImage } from '../catalog/cards';
import { effectiveVariant } from '../catalog/get-product-page';
import type { MediaUrl } from '../catalog/types';
import { findCartId } from './resolve-cart';
import type { CartOwner } from './schemas';

/** unavailable: archived product or suspended store; out_of_stock: none left; insufficient_stock: fewer than the line wants. */
export type CartLineProblem = 'unavailable' | 'out_of_stock' | 'insufficient_stock' | null;

export type CartLine = {
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  options: Record<string, string>;
  image: { url: string; alt: string } | null;
  currency: string;
  /** Current price (variant override or product price), minor units. */
  unitPrice: number;
  compareAtPrice: number | null;
  qty: number;
  /** stock − reserved, now. */
  available: number;
  lineTotal: number;
  problem: CartLineProblem;
};

export type CartStoreGroup = {
  storeId: string;
  storeSlug: string;
  storeName: string;
  currency: string;
  lines: CartLine[];
  /** Sum of the lines that can be bought as they are (no problem). */
  subtotal: number;
  hasProblems: boolean;
};

export type CartView = {
  groups: CartStoreGroup[];
  /** Units across all lines (the header badge). */
  count: number;
  currencies: string[];
};

/**
 * The cart as the buyer sees it now: lines grouped per store (and currency, should a store price in two) with
 * current prices and stock — never the prices of when the line was added.
 */
export async function getCart({ db, owner, mediaUrl }: { db: DbOrTx; owner: CartOwner; mediaUrl: MediaUrl }): Promise<CartView> {
  const cartId = await findCartId({ db, owner });
  if (!cartId) return { groups: [], count: 0, currencies: [] };
  const rows = (await db.execute(sql`
    SELECT ci.variant_id, ci.qty, v.options, v.price AS variant_price, v.compare_at_price AS variant_compare,
      (v.stock - v.reserved)::int AS available,
      p.id AS product_id, p.slug AS product_slug, p.title, p.price, p.compare_at_price, p.currency, p.status AS product_status,
      s.id AS store_id, s.slug AS store_slug, s.name AS store_name, s.status AS store_status,
      img.image_key, img.image_alt
    FROM cart_items ci
    JOIN product_variants v ON v.id = ci.variant_id
    JOIN products p ON p.id = v.product_id
    JOIN stores s ON s.id = p.store_id
    LEFT JOIN LATERAL (${firstImage(sql`p.id`)}) img ON true
    WHERE ci.cart_id = ${cartId}
    ORDER BY ci.added_at, ci.variant_id
  `)) as unknown as Array<{
    variant_id: string;
    qty: number;
    options: Record<string, string>;
    variant_price: string | null;
    variant_compare: string | null;
    available: number;
    product_id: string;
    product_slug: string;
    title: string;
    price: string;
    compare_at_price: string | null;
    currency: string;
    product_status: string;
    store_id: string;
    store_slug: string;
    store_name: string;
    store_status: string;
    image_key: string | null;
    image_alt: string | null;
  }>;

  const groups = new Map<string, CartStoreGroup>();
  let count = 0;
  for (const r of rows) {
    const currency = r.currency.trim();
    const v = effectiveVariant(
      { id: r.variant_id, options: r.options, price: r.variant_price, compare_at_price: r.variant_compare, available: r.available },
      Number(r.price),
      r.compare_at_price === null ? null : Number(r.compare_at_price),
    );
    const problem: CartLineProblem =
      r.product_status !== 'active' || r.store_status !== 'active'
        ? 'unavailable'
        : v.available <= 0
          ? 'out_of_stock'
          : v.available < r.qty
            ? 'insufficient_stock'
            : null;
    const line: CartLine = {
      variantId: r.variant_id,
      productId: r.product_id,
      productSlug: r.product_slug,
      title: r.title,
      options: v.options,
      image: r.image_key ? { url: mediaUrl(r.image_key), alt: r.image_alt || r.title } : null,
      currency,
      unitPrice: v.price,
      compareAtPrice: v.compareAtPrice,
      qty: r.qty,
      available: v.available,
      lineTotal: v.price * r.qty,
      problem,
    };
    const key = `${r.store_id}:${currency}`;
    let group = groups.get(key);
    if (!group) {
      group = { storeId: r.store_id, storeSlug: r.store_slug, storeName: r.store_name, currency, lines: [], subtotal: 0, hasProblems: false };
      groups.set(key, group);
    }
    group.lines.push(line);
    if (problem) group.hasProblems = true;
    else group.subtotal += line.lineTotal;
    count += r.qty;
  }
  const list = [...groups.values()];
  return { groups: list, count, currencies: [...new Set(list.map((g) => g.currency))] };
}
