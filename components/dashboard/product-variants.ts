import { variantCombinations } from '@/server/services/products/schemas';

/** One option as the editor holds it ("Talla": S, M, L). */
export type TOptionRow = { name: string; values: string[] };

/** One variant as the editor holds it: money and stock as typed text; `id` once saved. */
export type TVariantRow = {
  id?: string;
  options: Record<string, string>;
  sku: string;
  price: string;
  stock: string;
  /** Units held by pending orders (read-only, from the server). */
  reserved?: number;
};

/**
 * Options that produce variants: those with at least one value. A name still being typed is replaced by
 * "Opción N" so that clearing a name for a moment does not collapse the variant matrix (and lose stock).
 */
export function generatingOptions(options: TOptionRow[]): TOptionRow[] {
  return options
    .map((o, i) => ({ name: o.name.trim() || `Opción ${i + 1}`, values: o.values }))
    .filter((o) => o.values.length > 0);
}

const entries = (o: Record<string, string>) => Object.entries(o);
const agreesWith = (small: Record<string, string>, big: Record<string, string>) => entries(small).every(([k, v]) => big[k] === v);

/**
 * The variant matrix after the options changed, keeping what the seller already entered (id, stock, price, SKU):
 * same combination → same row; an option renamed in place → rows follow the new name; an option added → each old row
 * continues as the first combination that contains it; an option removed → the first old row of each remaining
 * combination continues. New combinations start with stock 0.
 */
export function regenerateVariants(
  prevOptions: TOptionRow[],
  nextOptions: TOptionRow[],
  prevVariants: TVariantRow[],
): TVariantRow[] {
  const before = generatingOptions(prevOptions);
  const after = generatingOptions(nextOptions);

  // Renamed in place (same count, different name at the same position).
  const rename = new Map<string, string>();
  if (before.length === after.length) {
    before.forEach((o, i) => {
      const n = after[i]!.name;
      if (o.name !== n) rename.set(o.name, n);
    });
  }
  const prev = prevVariants.map((v) => ({
    row: v,
    options: Object.fromEntries(entries(v.options).map(([k, val]) => [rename.get(k) ?? k, val])),
    used: false,
  }));

  const combos = variantCombinations(after);
  const result: (TVariantRow | null)[] = combos.map(() => null);
  const take = (i: number, p: (typeof prev)[number], combo: Record<string, string>) => {
    p.used = true;
    result[i] = { ...p.row, options: combo };
  };
  const passes: ((p: (typeof prev)[number], combo: Record<string, string>) => boolean)[] = [
    (p, c) => entries(p.options).length === entries(c).length && agreesWith(p.options, c),
    (p, c) => agreesWith(p.options, c), // the old row had fewer options: an option was added
    (p, c) => agreesWith(c, p.options), // the old row had more options: an option was removed
  ];
  for (const matches of passes) {
    combos.forEach((combo, i) => {
      if (result[i]) return;
      const found = prev.find((p) => !p.used && matches(p, combo));
      if (found) take(i, found, combo);
    });
  }
  return combos.map((combo, i) => result[i] ?? { options: combo, sku: '', price: '', stock: '0' });
}
