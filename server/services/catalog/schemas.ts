import { z } from 'zod';
import { vmsg } from '../../errors/validation';

/**
 * Inputs of the public catalogue reads. Shared by the tRPC procedures and the pages (which parse URL search
 * params into them); nothing here imports server-only code.
 */

const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, vmsg('invalidId'));

export const SEARCH_SORTS = ['relevance', 'newest', 'bestsellers'] as const;
export const SEARCH_PAGE_SIZE = 24;
export const SEARCH_MAX_PAGE = 200;

export const ZSearchProductsInput = z
  .object({
    q: z.string().trim().max(100, vmsg('maxChars', { maximum: 100 })).default(''),
    category: ZSlug.optional(),
    store: ZSlug.optional(),
    /** Price bounds in MAJOR units of each product's own currency ("hasta 100" = S/ 100, US$100, $100 COP). */
    minPrice: z.number().min(0).max(1e12).optional(),
    maxPrice: z.number().min(0).max(1e12).optional(),
    /** Restricts results to one currency, which makes a price range exact. */
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, vmsg('invalidCurrency'))
      .optional(),
    inStock: z.boolean().default(false),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    page: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
    pageSize: z.number().int().min(1).max(48).default(SEARCH_PAGE_SIZE),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    path: ['maxPrice'],
    message: vmsg('maxBelowMin'),
  });
export type TSearchProductsInput = z.input<typeof ZSearchProductsInput>;
export type TSearchProductsQuery = z.output<typeof ZSearchProductsInput>;

export const ZStorePageInput = z.object({
  store: ZSlug,
  page: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(48).default(SEARCH_PAGE_SIZE),
});
export type TStorePageInput = z.input<typeof ZStorePageInput>;

export const ZProductPageInput = z.object({ store: ZSlug, product: ZSlug });
export type TProductPageInput = z.input<typeof ZProductPageInput>;

export const LIVE_OFFERS_MAX = 60;
export const ZLiveOffersInput = z.object({
  productIds: z
    .array(z.string().uuid())
    .min(1, vmsg('atLeastOneProduct'))
    .max(LIVE_OFFERS_MAX, `Máximo ${LIVE_OFFERS_MAX} productos.`),
});
export type TLiveOffersInput = z.input<typeof ZLiveOffersInput>;

/** Raw URL search params of /buscar (?q=&categoria=&min=&max=&moneda=&tienda=&stock=1&orden=&pagina=). */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  const t = s?.trim();
  return t ? t : undefined;
}

function amount(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const n = Number(v.replace(/[^\d.,]/g, '').replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Lenient mapping from the public URL to a valid search input: a bad value is dropped rather than failing the
 * page, so a hand-edited link still shows results.
 */
export function searchInputFromParams(params: SearchParamsRecord, fixed: Partial<TSearchProductsInput> = {}): TSearchProductsQuery {
  let minPrice = amount(first(params.min));
  let maxPrice = amount(first(params.max));
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  const page = Math.trunc(Number(first(params.pagina) ?? '1'));
  const sort = first(params.orden);
  const candidate = {
    q: (first(params.q) ?? '').slice(0, 100),
    category: first(params.categoria),
    store: first(params.tienda),
    minPrice,
    maxPrice,
    currency: first(params.moneda),
    inStock: first(params.stock) === '1',
    sort: (SEARCH_SORTS as readonly string[]).includes(sort ?? '') ? sort : undefined,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, SEARCH_MAX_PAGE) : 1,
    ...fixed,
  };
  const parsed = ZSearchProductsInput.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(candidate).filter(([k]) => !bad.has(k)));
  return ZSearchProductsInput.parse(cleaned);
}

/** The canonical /buscar URL for a query (page 1 omitted, defaults omitted). */
export function searchHref(q: Partial<TSearchProductsQuery>, base = '/buscar'): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.category) p.set('categoria', q.category);
  if (q.store) p.set('tienda', q.store);
  if (q.minPrice !== undefined) p.set('min', String(q.minPrice));
  if (q.maxPrice !== undefined) p.set('max', String(q.maxPrice));
  if (q.currency) p.set('moneda', q.currency);
  if (q.inStock) p.set('stock', '1');
  if (q.sort && q.sort !== 'relevance') p.set('orden', q.sort);
  if (q.page && q.page > 1) p.set('pagina', String(q.page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}
