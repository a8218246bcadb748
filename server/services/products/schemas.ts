import { z } from 'zod';
import { STORE_CURRENCIES } from '../stores/schemas';
import { vmsg } from '../../errors/validation';

const MAX_MINOR = 1_000_000_000_00; // a billion major units: far above any real price, far below bigint trouble

export const ZMoneyMinor = z
  .number({ message: vmsg('enterAnAmount') })
  .int(vmsg('minorUnitsNoDecimals'))
  .min(0, vmsg('notNegative'))
  .max(MAX_MINOR, vmsg('amountTooHigh'));

export const ZProductOption = z.object({
  name: z.string().trim().min(1, vmsg('optionNameRequired')).max(30, vmsg('maxChars', { maximum: 30 })),
  values: z
    .array(z.string().trim().min(1, vmsg('emptyValue')).max(30, vmsg('maxChars', { maximum: 30 })))
    .min(1, vmsg('addValue'))
    .max(20, vmsg('maxValues', { maximum: 20 }))
    .refine((v) => new Set(v.map((x) => x.toLowerCase())).size === v.length, vmsg('repeatedValues')),
});

export const ZVariantInput = z.object({
  id: z.string().uuid().optional(),
  options: z.record(z.string(), z.string()).default({}),
  sku: z.string().trim().max(64).nullish().transform((s) => s || null),
  price: ZMoneyMinor.nullish().transform((p) => p ?? null),
  stock: z.number({ message: vmsg('enterStock') }).int(vmsg('wholeNumbers')).min(0, vmsg('notNegative')).max(1_000_000),
});

const productFields = z.object({
  title: z.string().trim().min(2, vmsg('minChars', { minimum: 2 })).max(140, vmsg('maxChars', { maximum: 140 })),
  description: z.string().trim().max(5000, vmsg('maxChars', { maximum: 5000 })).default(''),
  categoryId: z.string().uuid().nullish().transform((c) => c ?? null),
  price: ZMoneyMinor,
  compareAtPrice: ZMoneyMinor.nullish().transform((p) => p ?? null),
  currency: z.enum(STORE_CURRENCIES, { message: vmsg('chooseCurrency') }),
  options: z.array(ZProductOption).max(3, vmsg('maxOptions')).default([]),
  variants: z.array(ZVariantInput).min(1, vmsg('addVariant')).max(200, vmsg('maxVariants', { maximum: 200 })),
  imageMediaIds: z.array(z.string().uuid()).max(12, vmsg('maxPhotos', { maximum: 12 })).default([]),
});

type ProductFields = z.output<typeof productFields>;

/** Cross-field rules: compare-at above price; variants are exactly the option combinations, each once. */
function checkProduct(p: ProductFields, ctx: z.RefinementCtx) {
  if (p.compareAtPrice !== null && p.compareAtPrice <= p.price) {
    ctx.addIssue({ code: 'custom', path: ['compareAtPrice'], message: vmsg('compareAbovePrice') });
  }
  const names = p.options.map((o) => o.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: vmsg('repeatedOptions') });
  }
  if (p.options.length === 0 && p.variants.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: vmsg('singleVariant') });
  }
  const seen = new Set<string>();
  p.variants.forEach((v, i) => {
    const keys = Object.keys(v.options);
    const valid =
      keys.length === p.options.length &&
      p.options.every((o) => o.values.includes(v.options[o.name] ?? '\u0000'));
    if (!valid) {
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'options'], message: vmsg('variantMismatch') });
      return;
    }
    const key = p.options.map((o) => v.options[o.name]).join('\u0001');
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['variants', i, 'options'], message: vmsg('repeatedVariant') });
    }
    seen.add(key);
  });
  if (new Set(p.imageMediaIds).size !== p.imageMediaIds.length) {
    ctx.addIssue({ code: 'custom', path: ['imageMediaIds'], message: vmsg('repeatedPhoto') });
  }
}

export const ZCreateProductInput = productFields.extend({ storeId: z.string().uuid() }).superRefine(checkProduct);
export type TCreateProductInput = z.input<typeof ZCreateProductInput>;

export const ZUpdateProductInput = productFields
  .extend({ storeId: z.string().uuid(), productId: z.string().uuid() })
  .superRefine(checkProduct);
export type TUpdateProductInput = z.input<typeof ZUpdateProductInput>;

export const ZProductRef = z.object({ storeId: z.string().uuid(), productId: z.string().uuid() });

export const ZSetVariantStockInput = z.object({
  storeId: z.string().uuid(),
  variantId: z.string().uuid(),
  stock: z.number({ message: vmsg('enterStock') }).int(vmsg('wholeNumbers')).min(0, vmsg('notNegative')).max(1_000_000),
});

export const PRODUCT_SORTS = ['created', 'title', 'price', 'stock', 'updated'] as const;

export const ZListStoreProductsInput = z.object({
  storeId: z.string().uuid(),
  q: z.string().trim().max(100).default(''),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(PRODUCT_SORTS).default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type TListStoreProductsInput = z.input<typeof ZListStoreProductsInput>;

/** The cartesian product of option values, in option order: [{Talla:S,Color:Rojo}, …]. */
export function variantCombinations(options: { name: string; values: string[] }[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (acc, opt) => acc.flatMap((combo) => opt.values.map((v) => ({ ...combo, [opt.name]: v }))),
    [{}],
  );
}
