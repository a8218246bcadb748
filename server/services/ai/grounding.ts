import { formatMoney } from '@/components/ui/money';
import type { OrderFacts, ProductFacts, StoreFacts } from '@/server/adapters/llm/types';

/**
 * Checks a reply (from any engine or model) against the data it was given: every amount of money is a real price
 * of a named product/variant, a delivery fee or threshold, or an order total; stock counts and "sold out"/"we
 * have" claims match the variants named in the same clause; no option value is mentioned that the product lacks;
 * order numbers and statuses are the buyer's real ones. Used by the eval and to drop inconsistent model output.
 */
export type GroundingInput = {
  text: string;
  store: StoreFacts;
  products: ProductFacts[];
  /** The product the conversation is about, when known. */
  product?: ProductFacts | null;
  orders?: OrderFacts[];
};

export type GroundingIssue = { kind: 'price' | 'stock' | 'option' | 'order' | 'free'; detail: string };

const MONEY_RE = /(?:US\$|MX\$|S\/|R\$|\$|€|PEN|USD|MXN|COP|CLP|ARS|EUR)\s?\d[\d.,]*(?:\s?(?:MXN|COP|CLP|ARS|USD|PEN))?/g;
const SIZE_TOKENS = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL'];
const COLOUR_WORDS = ['rojo', 'roja', 'negro', 'negra', 'blanco', 'blanca', 'gris', 'azul', 'verde', 'rosa', 'amarillo', 'morado', 'naranja', 'celeste', 'beige', 'marrón', 'red', 'black', 'white', 'grey', 'gray', 'blue', 'green', 'pink', 'yellow', 'purple', 'orange', 'navy', 'cream', 'brown'];

const DELIVERY_WORDS = /\b(envio|envios|delivery|shipping|domicilio|recojo|recoger|pickup|pick up|entrega|gratis desde|free from)\b/;

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const squash = (s: string) => s.replace(/\s+/g, ' ');

function formats(amount: number, currency: string): string[] {
  return [formatMoney(amount, currency, 'es'), formatMoney(amount, currency, 'en')].map(squash);
}

function productPrices(p: ProductFacts): number[] {
  return [p.price, ...p.variants.map((v) => v.price ?? p.price)];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function valueMentioned(clause: string, value: string): boolean {
  // Sizes are matched case-sensitively and as whole words ("S" must not match "Sí", "M" not "MX$").
  if (/^[A-Z]{1,4}$/.test(value)) return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(value)}(?=$|[^\\p{L}\\p{N}])`, 'u').test(clause);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(fold(value))}(?=$|[^\\p{L}\\p{N}])`, 'u').test(fold(clause));
}

/** The product's option values named in a clause, grouped by key (several values of one key read as "or"). */
function mentionsIn(clause: string, p: ProductFacts): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const values = new Map<string, Set<string>>();
  for (const v of p.variants) for (const [k, val] of Object.entries(v.options)) (values.get(k) ?? values.set(k, new Set()).get(k)!).add(val);
  // A longer value containing a shorter one ("iPhone 15 Pro" ⊃ "iPhone 15") claims the words first.
  let rest = clause;
  const all = [...values.entries()].flatMap(([k, vs]) => [...vs].map((val) => ({ k, val }))).sort((a, b) => b.val.length - a.val.length);
  for (const { k, val } of all) {
    if (valueMentioned(rest, val)) {
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(val);
      rest = rest.replace(new RegExp(escapeRe(val), 'i'), ' ');
    }
  }
  return byKey;
}

function variantsFor(p: ProductFacts, byKey: Map<string, string[]>) {
  return p.variants.filter((v) => [...byKey.entries()].every(([k, vals]) => vals.includes(v.options[k] ?? '')));
}

/** Every combination of one value per key, for "we have S, M and L in Red" (each must be in stock). */
function combos(byKey: Map<string, string[]>): Array<Map<string, string[]>> {
  let out: Array<Map<string, string[]>> = [new Map()];
  for (const [k, vals] of byKey) out = out.flatMap((m) => vals.map((val) => new Map([...m, [k, [val]]])));
  return out;
}

export function checkGrounding(input: GroundingInput): GroundingIssue[] {
  const issues: GroundingIssue[] = [];
  const { store, products } = input;
  const text = squash(input.text);
  const named = products.filter((p) => text.includes(p.title));
  const refProducts = [...new Set([...(input.product ? [input.product] : []), ...named])];

  // Data strings are quoted verbatim and may legitimately contain digits or colour words ("Doña Rosa", "Olva").
  let scrubbed = text;
  const dataStrings = [
    store.name,
    store.returnPolicy ?? '',
    ...store.paymentMethods,
    ...store.deliveryOptions.flatMap((o) => [o.label, o.details ?? '']),
    ...products.map((p) => p.title),
    ...products.map((p) => p.url ?? ''),
    ...(input.orders ?? []).flatMap((o) => [...(o.items ?? []), o.trackingNumber ?? '', o.trackingUrl ?? '', o.carrier ?? '', o.deliveryLabel ?? '']),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  for (const s of dataStrings) scrubbed = scrubbed.split(squash(s)).join(' ⟨data⟩ ');
  // Amounts are checked on their own below; their letters ("S/", "MX$") must not read as sizes.
  scrubbed = scrubbed.replace(MONEY_RE, ' ⟨money⟩ ');

  const clauses = scrubbed.split(/(?<=[.;!?])\s+|\n+/).filter((c) => c.trim());
  const fullClauses = text.split(/(?<=[.;!?])\s+|\n+/).filter((c) => c.trim());

  // Money: each amount must be a known price; next to option values, the price of a matching variant.
  const deliveryAmounts = store.deliveryOptions.flatMap((o) => [o.price, ...(o.freeOver ? [o.freeOver] : [])]);
  const orderAmounts = (input.orders ?? []).map((o) => ({ amount: o.total, currency: o.currency }));
  // A delivery fee is only a fact next to delivery words, an order total only next to the order.
  const productAllowed = new Set(refProducts.flatMap((p) => productPrices(p).flatMap((a) => formats(a, p.currency))));
  const deliveryAllowed = new Set(deliveryAmounts.flatMap((a) => formats(a, store.currency)));
  const orderAllowed = new Set(orderAmounts.flatMap((o) => formats(o.amount, o.currency)));
  fullClauses.forEach((clause) => {
    const found = clause.match(MONEY_RE) ?? [];
    for (const raw of found) {
      const m = squash(raw).trim().replace(/[.,]+$/, '');
      const deliveryContext = DELIVERY_WORDS.test(fold(clause)) || store.deliveryOptions.some((o) => clause.includes(o.label));
      const ok =
        productAllowed.has(m) ||
        (deliveryContext && deliveryAllowed.has(m)) ||
        (/#\d|pedido|order/i.test(clause) && orderAllowed.has(m));
      if (!ok) {
        issues.push({ kind: 'price', detail: `"${m}" is not a price in the data (${clause})` });
        continue;
      }
      // Price next to option values of the product: must be that variant's price (delivery fees excepted).
      const p = refProducts.find((x) => clause.includes(x.title)) ?? input.product;
      if (!p) continue;
      const byKey = mentionsIn(clause.replace(MONEY_RE, ' '), p);
      if (!byKey.size || found.length !== 1) continue;
      const isDelivery = deliveryAmounts.some((a) => formats(a, store.currency).includes(m));
      const vs = variantsFor(p, byKey);
      if (!isDelivery && vs.length && !vs.some((v) => formats(v.price ?? p.price, p.currency).includes(m)))
        issues.push({ kind: 'price', detail: `"${m}" is not the price of the variant named in "${clause}"` });
    }
  });

  const p = input.product ?? (named.length === 1 ? named[0]! : null);
  if (p) {
    for (const clause of clauses) {
      const byKey = mentionsIn(clause, p);
      const vs = variantsFor(p, byKey);
      const stock = vs.reduce((s, v) => s + v.stock, 0);
      const folded = fold(clause);
      // Stock counts: "(3 disponibles)", "nos quedan 12 unidades", "8 available".
      const count = /(\d+)\s*(disponibles?|unidades|units|available|in stock|left)\b/.exec(folded) ?? /\b(?:quedan|queda|only)\s+(\d+)/.exec(folded);
      if (count && Number(count[1]) !== stock)
        issues.push({ kind: 'stock', detail: `says ${count[1]} in stock, data has ${stock} (${clause})` });
      const negative = /\b(agotad[oa]s?|sold out|out of stock|no (lo |la )?tenemos|no nos queda|don't have|do not have)\b/.test(folded);
      if (/\b(agotad[oa]s?|sold out|out of stock)\b/.test(folded) && stock > 0)
        issues.push({ kind: 'stock', detail: `says sold out but ${stock} in stock (${clause})` });
      const positive = /\b(tenemos|hay|disponibles?|available|in stock|we have)\b/.test(folded) && !negative;
      if (positive && byKey.size) {
        for (const c of combos(byKey)) {
          const s = variantsFor(p, c).reduce((acc, v) => acc + v.stock, 0);
          if (s === 0) issues.push({ kind: 'stock', detail: `claims ${[...c.values()].flat().join('/')} available, data has 0 (${clause})` });
        }
      }
      // Option values the product does not have.
      const own = new Set(p.variants.flatMap((v) => Object.values(v.options)));
      const ownFolded = new Set([...own].map(fold));
      for (const s of SIZE_TOKENS) if (!own.has(s) && new RegExp(`(^|[^\\p{L}\\p{N}])${s}(?=$|[^\\p{L}\\p{N}])`, 'u').test(clause) && p.variants.some((v) => Object.keys(v.options).length))
        issues.push({ kind: 'option', detail: `mentions size ${s} that ${p.title} does not have (${clause})` });
      for (const c of COLOUR_WORDS) if (!ownFolded.has(c) && new RegExp(`(^|[^a-z])${c}(?=$|[^a-z])`).test(folded))
        issues.push({ kind: 'option', detail: `mentions colour "${c}" that ${p.title} does not have (${clause})` });
    }
  }

  // Orders: only the buyer's order numbers, and the status phrase of that order.
  const orders = input.orders ?? [];
  const STATUS_WORDS: Array<[RegExp, string]> = [
    [/pendiente de pago|awaiting payment/, 'pending_payment'],
    [/recibimos el pago|received the payment/, 'paid'],
    [/ya fue enviado|has shipped/, 'fulfilled'],
    [/entregado|delivered/, 'delivered'],
    [/fue cancelado|was cancelled/, 'cancelled'],
    [/fue reembolsado|was refunded/, 'refunded'],
  ];
  for (const m of scrubbed.matchAll(/#(\d+)/g)) {
    const o = orders.find((x) => x.number === m[1]);
    if (!o) {
      issues.push({ kind: 'order', detail: `order #${m[1]} is not one of the buyer's orders` });
      continue;
    }
    const around = fold(scrubbed.slice(m.index!, m.index! + 120));
    for (const [re, status] of STATUS_WORDS) if (re.test(around) && status !== o.status) issues.push({ kind: 'order', detail: `order #${o.number} is ${o.status}, reply says ${status}` });
  }

  // "Free" is only ever a delivery fact: it needs a free delivery option and delivery words in the same clause.
  const hasFree = store.deliveryOptions.some((o) => o.kind === 'pickup' || o.kind === 'free_over' || o.price === 0);
  for (const clause of fullClauses) {
    const f = fold(clause);
    if (!/\b(gratis|free|sin costo)\b/.test(f)) continue;
    const deliveryContext = DELIVERY_WORDS.test(f) || store.deliveryOptions.some((o) => clause.includes(o.label));
    if (!hasFree || !deliveryContext) issues.push({ kind: 'free', detail: `"free" outside a free delivery option (${clause})` });
  }
  return issues;
}
