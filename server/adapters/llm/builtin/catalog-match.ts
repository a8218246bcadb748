import type { ProductFacts, VariantFacts } from '../types';
import { normalizeText, tokens, wordMatches } from './normalize';

/**
 * Finds which product and which option values a buyer means, against the store's own titles and option values.
 * Buyers use regional words for the same thing (polo/remera/polera/playera), so product nouns are grouped.
 */
const NOUN_GROUPS: string[][] = [
  ['polo', 'remera', 'polera', 'playera', 'camiseta', 'tshirt', 'shirt', 'franela'],
  ['chompa', 'sweater', 'sueter', 'jersey', 'buzo', 'pullover', 'sweter', 'jumper'],
  ['casaca', 'chaqueta', 'campera', 'chamarra', 'jacket', 'chamara'],
  ['zapatillas', 'zapatilla', 'tenis', 'zapatos', 'sneakers', 'shoes', 'championes'],
  ['vestido', 'dress'],
  ['audifonos', 'auriculares', 'headphones', 'earbuds', 'cascos', 'airpods', 'audifono'],
  ['cargador', 'charger'],
  ['smartwatch', 'reloj', 'watch', 'smartwach'],
  ['funda', 'case', 'carcasa', 'cover', 'estuche'],
  ['laptop', 'portatil', 'computadora', 'notebook', 'computador', 'lap'],
  ['torta', 'pastel', 'ponque', 'cake', 'queque', 'tortas'],
  ['cafe', 'coffee'],
  ['pandebonos', 'pandebono', 'pandebono'],
  ['empanadas', 'empanada'],
  ['beanie', 'gorro', 'chullo', 'hat', 'gorrito'],
  ['scarf', 'bufanda', 'chalina'],
];

/** Option values across languages and genders; applied only when the product really has the canonical value. */
const VALUE_SYNONYMS: string[][] = [
  ['rojo', 'roja', 'rojos', 'rojas', 'red'],
  ['negro', 'negra', 'negros', 'negras', 'black'],
  ['blanco', 'blanca', 'blancos', 'blancas', 'white'],
  ['gris', 'grises', 'grey', 'gray'],
  ['azul', 'azules', 'blue'],
  ['navy', 'azul marino', 'marino'],
  ['verde', 'verdes', 'green'],
  ['rosa', 'rosado', 'rosada', 'pink'],
  ['beige', 'crudo'],
  ['cream', 'crema', 'crudo'],
  ['transparente', 'clear', 'transparent'],
  ['s', 'small', 'chica', 'ch', 'pequena'],
  ['m', 'medium', 'med'],
  ['l', 'large'],
  ['xl', 'extra large'],
  ['grano', 'beans', 'whole bean', 'en grano'],
  ['molido', 'molida', 'ground'],
  ['carne', 'beef', 'meat'],
  ['pollo', 'chicken'],
  ['queso', 'cheese'],
  ['mediana', 'mediano', 'medium'],
  ['grande', 'large', 'big'],
];

/** Words that name an option rather than a value ("¿qué tallas tienen?"), mapped to a pattern over option keys. */
const KEY_WORDS: Array<{ words: string[]; key: RegExp }> = [
  { words: ['talla', 'size', 'sizes', 'medida', 'medidas', 'numero', 'numeros'], key: /^(talla|size|talle|numero)$/i },
  { words: ['color', 'colores', 'colour', 'colours', 'colors', 'tono'], key: /^colou?r$/i },
  { words: ['sabor', 'sabores', 'flavor', 'flavors', 'flavour'], key: /^(sabor|flavou?r)$/i },
  { words: ['tamano', 'tamanos', 'size'], key: /^(tamano|size)$/i },
  { words: ['molienda', 'molido', 'grano'], key: /^molienda$/i },
  { words: ['modelo', 'model'], key: /^(modelo|model)$/i },
  { words: ['memoria', 'ram', 'gb', 'almacenamiento'], key: /^(memoria|memory|ram)$/i },
];

const TITLE_STOPWORDS = new Set(['de', 'del', 'para', 'por', 'con', 'el', 'la', 'los', 'las', 'y', 'the', 'of', 'for', 'g', 'x']);

function norm(s: string): string {
  return normalizeText(s);
}

function groupOf(word: string): string[] | undefined {
  return NOUN_GROUPS.find((g) => g.some((w) => wordMatches(word, w)));
}

/** Spanish/English plurals ("polos", "cargadores", "scarves") reduced to the singular a title uses. */
function singular(word: string): string[] {
  const out = [word];
  if (word.length > 4 && word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('ves')) out.push(`${word.slice(0, -3)}f`);
  return out;
}

function tokenPresent(msgTokens: string[], target: string): boolean {
  if (/^\d/.test(target)) return msgTokens.includes(target);
  return msgTokens.some((t) => singular(t).some((w) => wordMatches(w, target)));
}

/** How strongly a message names a product, 0 when it doesn't. Shared words (e.g. "alpaca") count less. */
function productScores(msgTokens: string[], products: ProductFacts[]): number[] {
  const titleTokens = products.map((p) => tokens(norm(p.title)).filter((t) => !TITLE_STOPWORDS.has(t)));
  const df = new Map<string, number>();
  for (const tt of titleTokens) for (const t of new Set(tt)) df.set(t, (df.get(t) ?? 0) + 1);
  return titleTokens.map((tt) => {
    let score = 0;
    [...new Set(tt)].forEach((t, i) => {
      const group = groupOf(t);
      const hit = tokenPresent(msgTokens, t) || (group?.some((g) => msgTokens.some((m) => singular(m).includes(g))) ?? false);
      // The head noun ("Funda" in "Funda para iPhone 15") names the product more than a trailing word ("Pro").
      if (hit) score += (i === 0 ? 1.25 : 1) / (df.get(t) ?? 1);
    });
    return score;
  });
}

export type ProductResolution = { product: ProductFacts | null; mentioned: boolean };

/**
 * The product named in the message, else the one the conversation was opened from. A weak, shared word (one of
 * several "Alpaca …" titles) is not enough to switch away from the conversation's product.
 */
export function resolveProduct(normalized: string, products: ProductFacts[], contextProductId?: string | null): ProductResolution {
  const msgTokens = tokens(normalized);
  const scores = productScores(msgTokens, products);
  const context = products.find((p) => p.id === contextProductId) ?? null;
  let best = -1;
  let bestScore = 0;
  let tie = false;
  scores.forEach((s, i) => {
    if (s > bestScore + 1e-9) {
      best = i;
      bestScore = s;
      tie = false;
    } else if (s > 0 && Math.abs(s - bestScore) < 1e-9) tie = true;
  });
  if (best >= 0 && bestScore >= 0.99 && !tie) return { product: products[best]!, mentioned: true };
  if (context) return { product: context, mentioned: false };
  if (best >= 0 && bestScore >= 0.5 && !tie) return { product: products[best]!, mentioned: true };
  return { product: null, mentioned: false };
}

export type OptionMention = { key: string; value: string };

export type OptionResolution = {
  /** Option values of this product the buyer named, one per key at most (first match wins). */
  values: OptionMention[];
  /** Option keys the buyer asked about without a value ("¿qué tallas hay?"). */
  keysAsked: string[];
  /** Keys for which the buyer named a value this product does not have ("¿hay en azul?" with no blue). */
  missingValueKeys: string[];
};

function optionKeys(product: ProductFacts): string[] {
  const keys: string[] = [];
  for (const v of product.variants) for (const k of Object.keys(v.options)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

export function optionValues(product: ProductFacts, key: string): string[] {
  const vals: string[] = [];
  for (const v of product.variants) {
    const val = v.options[key];
    if (val !== undefined && !vals.includes(val)) vals.push(val);
  }
  return vals;
}

/** Spellings of a value a buyer may use: the value itself plus its synonyms. */
function valueForms(value: string): string[] {
  const n = norm(value);
  const group = VALUE_SYNONYMS.find((g) => g.includes(n));
  return group ? [n, ...group.filter((g) => g !== n)] : [n];
}

function phrasePresent(msg: string, msgTokens: string[], phrase: string): boolean {
  const pt = tokens(phrase);
  if (pt.length === 1) {
    const p = pt[0]!;
    // Single letters (S, M, L) and numbers (38, 42) must match exactly; words tolerate one typo.
    if (p.length <= 2 || /^\d/.test(p)) return msgTokens.includes(p);
    return tokenPresent(msgTokens, p);
  }
  return ` ${msg} `.includes(` ${phrase} `);
}

/** Generic value words a buyer may ask for that the product might not have ("azul", "XXL"). */
const GENERIC_COLOURS = ['rojo', 'negro', 'blanco', 'gris', 'azul', 'verde', 'rosa', 'amarillo', 'morado', 'naranja', 'celeste', 'beige', 'red', 'black', 'white', 'grey', 'gray', 'blue', 'green', 'pink', 'yellow', 'purple', 'orange', 'navy', 'cream', 'crema', 'marron', 'cafe', 'brown'];
const GENERIC_SIZES = ['xs', 's', 'm', 'l', 'xl', 'xxl', 'small', 'medium', 'large'];

export function resolveOptions(normalized: string, product: ProductFacts): OptionResolution {
  const msgTokens = tokens(normalized);
  const keys = optionKeys(product);
  const values: OptionMention[] = [];
  const used = new Set<string>();
  for (const key of keys) {
    const vals = optionValues(product, key);
    // Tokens shared by every value of the key ("iPhone 15" in both models) do not distinguish them.
    const valTokens = vals.map((v) => tokens(norm(v)));
    const shared = valTokens.reduce<string[]>((acc, t, i) => (i === 0 ? t : acc.filter((x) => t.includes(x))), []);
    let chosen: { value: string; strength: number } | null = null;
    vals.forEach((val, i) => {
      let strength = 0;
      const distinctive = valTokens[i]!.filter((t) => !shared.includes(t));
      if (vals.length > 1 && distinctive.length > 0 && distinctive.length < valTokens[i]!.length) {
        if (distinctive.every((t) => msgTokens.includes(t))) strength = distinctive.length + 0.5;
      } else {
        for (const form of valueForms(val)) {
          if (used.has(form)) continue;
          if (phrasePresent(normalized, msgTokens, form)) strength = Math.max(strength, form === norm(val) ? 2 : 1);
        }
      }
      if (strength > 0 && (!chosen || strength > chosen.strength)) chosen = { value: val, strength };
    });
    const c = chosen as { value: string; strength: number } | null;
    if (c) {
      values.push({ key, value: c.value });
      for (const f of valueForms(c.value)) used.add(f);
    }
  }
  const keysAsked: string[] = [];
  for (const kw of KEY_WORDS) {
    if (!kw.words.some((w) => msgTokens.includes(w))) continue;
    for (const key of keys) if (kw.key.test(norm(key)) && !keysAsked.includes(key)) keysAsked.push(key);
  }
  const missingValueKeys: string[] = [];
  const colourKey = keys.find((k) => /^colou?r$/i.test(norm(k)));
  if (colourKey && !values.some((v) => v.key === colourKey)) {
    if (GENERIC_COLOURS.some((c) => msgTokens.includes(c) && !used.has(c))) missingValueKeys.push(colourKey);
  }
  const sizeKey = keys.find((k) => /^(talla|size)$/i.test(norm(k)));
  if (sizeKey && !values.some((v) => v.key === sizeKey)) {
    const afterSizeWord = /\b(talla|size)\s+([a-z0-9]+)/.exec(normalized)?.[2];
    if (GENERIC_SIZES.some((s) => msgTokens.includes(s)) || (afterSizeWord && !['me', 'que', 'should', 'do', 'de', 'en', 'for'].includes(afterSizeWord)))
      missingValueKeys.push(sizeKey);
  }
  return { values, keysAsked, missingValueKeys };
}

/** Variants that have every mentioned value. */
export function matchingVariants(product: ProductFacts, mentions: OptionMention[]): VariantFacts[] {
  return product.variants.filter((v) => mentions.every((m) => v.options[m.key] === m.value));
}

export function variantPrice(product: ProductFacts, v: VariantFacts): number {
  return v.price ?? product.price;
}
