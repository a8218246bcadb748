import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { coupons, deliveryOptions, type Coupon } from '../../db/schema';
import { errorText, type ErrorKey } from '../../errors/messages';
import { defaultLocale, type Locale } from '../../i18n/config';
import { deliveryFee } from '../commerce-settings/list-delivery-options';
import type { CheckoutQuote, TCheckoutLine, TStoreChoice } from './schemas';

type VariantRow = {
  variant_id: string;
  product_id: string;
  store_id: string;
  store_name: string;
  store_slug: string;
  store_active: boolean;
  product_active: boolean;
  title: string;
  options: Record<string, string>;
  price: string;
  currency: string;
  available: number;
  image_key: string | null;
};

/** Half-up rounding of a percentage of a minor-unit amount. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

/** The discount a coupon gives on `subtotal` now, or why it does not apply. */
export function couponDiscount(coupon: Coupon | undefined, subtotal: number, now: Date): { discount: number } | { error: ErrorKey } {
  if (!coupon || !coupon.active) return { error: 'coupon.notActive' };
  if (coupon.expiresAt && coupon.expiresAt <= now) return { error: 'coupon.expired' };
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) return { error: 'coupon.exhausted' };
  if (subtotal < coupon.minAmount) return { error: 'coupon.belowMinimum' };
  const discount = coupon.kind === 'percent' ? percentOf(subtotal, coupon.value) : Math.min(coupon.value, subtotal);
  return { discount };
}

/**
 * Prices the given lines now, per store: current unit prices, availability (stock − reserved), the store's active
 * delivery options with their fee for this order, the chosen (or cheapest) option, and the coupon. Read-only; the
 * checkout runs it again inside its transaction, so what is charged is always what is current.
 */
export async function computeQuote({
  db,
  lines,
  choices,
  now = new Date(),
  locale = defaultLocale,
}: {
  db: DbOrTx;
  lines: TCheckoutLine[];
  choices: TStoreChoice[];
  now?: Date;
  /** Language of `couponError` (the caller's). */
  locale?: Locale;
}): Promise<CheckoutQuote> {
  const qtyByVariant = new Map<string, number>();
  for (const l of lines) qtyByVariant.set(l.variantId, Math.min(99, (qtyByVariant.get(l.variantId) ?? 0) + l.qty));
  const ids = [...qtyByVariant.keys()];
  const rows = ids.length
    ? ((await db.execute(sql`
        SELECT v.id AS variant_id, p.id AS product_id, s.id AS store_id, s.name AS store_name, s.slug AS store_slug,
          s.status = 'active' AS store_active, p.status = 'active' AS product_active, p.title, v.options,
          coalesce(v.price, p.price) AS price, p.currency, v.stock - v.reserved AS available,
          (SELECT m.key FROM product_images pi JOIN media m ON m.id = pi.media_id
            WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS image_key
        FROM product_variants v
        JOIN products p ON p.id = v.product_id
        JOIN stores s ON s.id = p.store_id
        WHERE v.id = ANY(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[])
      `)) as unknown as VariantRow[])
    : [];
  const byVariant = new Map(rows.map((r) => [r.variant_id, r]));
  const storeIds = [...new Set(rows.map((r) => r.store_id))];
  const choiceByStore = new Map(choices.map((c) => [c.storeId, c]));

  const options = storeIds.length
    ? await db
        .select()
        .from(deliveryOptions)
        .where(and(inArray(deliveryOptions.storeId, storeIds), eq(deliveryOptions.active, true)))
        .orderBy(asc(deliveryOptions.position), asc(deliveryOptions.price))
    : [];
  const codes = choices.filter((c) => c.couponCode && storeIds.includes(c.storeId));
  const couponRows = codes.length
    ? await db
        .select()
        .from(coupons)
        .where(
          sql`(${coupons.storeId}, ${coupons.code}) IN (${sql.join(
            codes.map((c) => sql`(${c.storeId}::uuid, ${c.couponCode})`),
            sql`, `,
          )})`,
        )
    : [];

  const stores: CheckoutQuote['stores'] = [];
  // Keep the buyer's order of lines: stores appear in the order their first line was added.
  for (const storeId of [...new Set(ids.map((id) => byVariant.get(id)?.store_id).filter((s): s is string => !!s))]) {
    const storeRows = ids.map((id) => byVariant.get(id)).filter((r): r is VariantRow => r?.store_id === storeId);
    const first = storeRows[0]!;
    const items = storeRows.map((r) => {
      const qty = qtyByVariant.get(r.variant_id)!;
      const unitPrice = Number(r.price);
      const available = Math.max(0, Number(r.available));
      const problem: CheckoutQuote['stores'][number]['items'][number]['problem'] =
        !r.store_active || !r.product_active ? 'unavailable' : available === 0 ? 'out_of_stock' : qty > available ? 'insufficient_stock' : null;
      return {
        variantId: r.variant_id,
        productId: r.product_id,
        title: r.title,
        options: r.options,
        imageKey: r.image_key,
        unitPrice,
        qty,
        available,
        lineTotal: unitPrice * qty,
        problem,
      };
    });
    const subtotal = items.reduce((s, i) => s + i.lineTotal, 0);
    const choice = choiceByStore.get(storeId);
    let discount = 0;
    let coupon: { code: string; discount: number } | null = null;
    let couponErrorKey: ErrorKey | null = null;
    if (choice?.couponCode) {
      const result = couponDiscount(
        couponRows.find((c) => c.storeId === storeId && c.code === choice.couponCode),
        subtotal,
        now,
      );
      if ('error' in result) couponErrorKey = result.error;
      else {
        discount = result.discount;
        coupon = { code: choice.couponCode, discount };
      }
    }
    const net = subtotal - discount;
    const storeOptions = options
      .filter((o) => o.storeId === storeId)
      .map((o) => ({ id: o.id, kind: o.kind, label: o.label, details: o.details, price: o.price, freeOver: o.freeOver, fee: deliveryFee(o, net) }));
    const chosen =
      storeOptions.find((o) => o.id === choice?.deliveryOptionId) ??
      (choice?.deliveryOptionId ? undefined : [...storeOptions].sort((a, b) => a.fee - b.fee)[0]);
    const shippingFee = chosen?.fee ?? 0;
    stores.push({
      storeId,
      storeName: first.store_name,
      storeSlug: first.store_slug,
      currency: first.currency.trim(),
      items,
      deliveryOptions: storeOptions,
      deliveryOptionId: chosen?.id ?? null,
      coupon,
      couponError: couponErrorKey && errorText(couponErrorKey, undefined, locale),
      couponErrorKey,
      subtotal,
      discount,
      shippingFee,
      total: net + shippingFee,
    });
  }
  const currencies = [...new Set(stores.map((s) => s.currency))];
  return {
    currency: currencies.length === 1 ? currencies[0]! : null,
    mixedCurrencies: currencies.length > 1,
    stores,
    total: stores.reduce((s, st) => s + st.total, 0),
  };
}
