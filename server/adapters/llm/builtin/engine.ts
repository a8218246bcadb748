import type {
  ConversationFacts,
  Intent,
  Locale,
  OrderFacts,
  ProductFacts,
  StoreFacts,
  SuggestedReply,
  VariantFacts,
} from '../types';
import {
  matchingVariants,
  optionValues,
  resolveOptions,
  resolveProduct,
  variantPrice,
  type OptionMention,
} from './catalog-match';
import { classifyIntent, isInjection, sentences } from './intents';
import { detectLanguage } from './language';
import { normalizeText } from './normalize';
import {
  deliveryLine,
  describeMentions,
  joinList,
  keyNoun,
  money,
  orderStatusSentence,
  productPriceRange,
} from './phrases';

export type ReplyContext = {
  store: StoreFacts;
  products: ProductFacts[];
  orders?: OrderFacts[];
  conversation?: ConversationFacts;
  message: string;
  /** The store's / seller's locale: used when the buyer's language cannot be told (an emoji, "ok"). */
  locale: Locale;
};

export type MessageAnalysis = {
  language: Locale;
  intent: Intent;
  secondary: Intent[];
  product: ProductFacts | null;
  productMentioned: boolean;
  mentions: OptionMention[];
  keysAsked: string[];
  missingValueKeys: string[];
  order: OrderFacts | null;
  /** Sentences that read as instructions to a model; ignored for intent and never echoed. */
  injectionIgnored: boolean;
};

const COMPLAINT = /\b(hueco|manchad[oa]|roto|rota|danad[oa]|damaged|broken|defecto|fallad[oa]|equivocad[oa]|wrong|aplastad[oa]|frias|frios|no funciona|no funcionan|dejo de|se calienta|me cobraron|llego mal|vino mal|mandaron otr[ao]|pedi \w+ y)/;
const THANKS = /\b(gracias|thanks|thank you|perfecto|genial|muy amable)\b/;

function pickOrder(normalized: string, orders: OrderFacts[], conversation?: ConversationFacts): OrderFacts | null {
  for (const m of normalized.matchAll(/\b(\d{3,})\b/g)) {
    const hit = orders.find((o) => o.number.replace(/\D/g, '') === m[1]);
    if (hit) return hit;
  }
  const ctx = orders.find((o) => o.number === conversation?.orderNumber);
  if (ctx) return ctx;
  if (orders.length === 0) return null;
  return [...orders].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0]!;
}

export function analyzeMessage(ctx: ReplyContext): MessageAnalysis {
  const parts = sentences(ctx.message);
  const kept = parts.filter((s) => !isInjection(s));
  const text = kept.join('. ');
  const normalized = normalizeText(text);
  const language = detectLanguage(normalizeText(ctx.message), ctx.message, ctx.locale);
  const { product, mentioned } = resolveProduct(normalized, ctx.products, ctx.conversation?.productId);
  const opts = product ? resolveOptions(normalized, product) : { values: [], keysAsked: [], missingValueKeys: [] };
  const pronoun = /\b(lo|la|los|las|it|this|one|them|these|esta|este|esto)\b/.test(normalized);
  const { intent, secondary } = classifyIntent(normalized, language, {
    optionValueNamed: opts.values.length > 0 || opts.missingValueKeys.length > 0,
    optionKeyNamed: opts.keysAsked.length > 0,
    productReferenced: mentioned || (pronoun && !!product) || opts.values.length > 0,
  });
  return {
    language,
    intent,
    secondary,
    product,
    productMentioned: mentioned,
    mentions: opts.values,
    keysAsked: opts.keysAsked,
    missingValueKeys: opts.missingValueKeys,
    order: pickOrder(normalized, ctx.orders ?? [], ctx.conversation),
    injectionIgnored: kept.length !== parts.length,
  };
}

function keysOf(p: ProductFacts): string[] {
  const keys: string[] = [];
  for (const v of p.variants) for (const k of Object.keys(v.options)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

const stockOf = (vs: VariantFacts[]) => vs.reduce((s, v) => s + v.stock, 0);

/** Values of `key` that are in stock together with the other fixed values. */
function inStockValues(p: ProductFacts, key: string, fixed: OptionMention[]): string[] {
  return optionValues(p, key).filter((val) => stockOf(matchingVariants(p, [...fixed, { key, value: val }])) > 0);
}

/** A key whose value alone decides the price, when the product has price differences at all. */
function priceKey(p: ProductFacts): string | null {
  const { min, max } = productPriceRange(p);
  if (min === max) return null;
  for (const key of keysOf(p)) {
    const decides = optionValues(p, key).every((val) => {
      const prices = new Set(matchingVariants(p, [{ key, value: val }]).map((v) => variantPrice(p, v)));
      return prices.size === 1;
    });
    if (decides) return key;
  }
  return null;
}

type Build = { es: boolean; lang: Locale; ctx: ReplyContext; a: MessageAnalysis; cur: string };

function priceSentence(b: Build, p: ProductFacts): string {
  const { es, lang, a } = b;
  const m = (x: number) => money(x, p.currency, lang);
  const matched = a.mentions.length ? matchingVariants(p, a.mentions) : [];
  const matchedPrices = new Set(matched.map((v) => variantPrice(p, v)));
  if (matched.length && matchedPrices.size === 1) {
    const price = [...matchedPrices][0]!;
    return es ? `${p.title} en ${describeMentions(a.mentions, lang)} cuesta ${m(price)}.` : `${p.title} in ${describeMentions(a.mentions, lang)} is ${m(price)}.`;
  }
  const { min, max } = productPriceRange(p);
  if (min === max) return es ? `${p.title} cuesta ${m(min)}.` : `${p.title} is ${m(min)}.`;
  const key = priceKey(p);
  if (key) {
    // Only the options that cost more than the base price are worth spelling out.
    const parts = optionValues(p, key).flatMap((val) => {
      const price = variantPrice(p, matchingVariants(p, [{ key, value: val }])[0]!);
      return price === min ? [] : [`${describeMentions([{ key, value: val }], lang)}: ${m(price)}`];
    });
    return es ? `${p.title} cuesta desde ${m(min)}; ${parts.join(', ')}.` : `${p.title} starts at ${m(min)}; ${parts.join(', ')}.`;
  }
  return es ? `${p.title} cuesta desde ${m(min)}.` : `${p.title} starts at ${m(min)}.`;
}

function catalogTeaser(b: Build): string {
  const { es, lang, ctx } = b;
  const items = ctx.products
    .filter((p) => stockOf(p.variants) > 0)
    .slice(0, 3)
    .map((p) => {
      const { min, max } = productPriceRange(p);
      const price = money(min, p.currency, lang);
      return min === max ? `${p.title} (${price})` : es ? `${p.title} (desde ${price})` : `${p.title} (from ${price})`;
    });
  if (!items.length) return '';
  return es ? `Ahora tenemos ${joinList(items, lang)}.` : `Right now we have ${joinList(items, lang)}.`;
}

function freeShippingFor(b: Build, p: ProductFacts): string | null {
  const { es, ctx } = b;
  const free = ctx.store.deliveryOptions.find((o) => o.kind === 'free_over' && o.freeOver && productPriceRange(p).min >= o.freeOver);
  if (!free) return null;
  return es ? `Con ${p.title} el envío "${free.label}" te sale gratis.` : `With ${p.title}, "${free.label}" is free.`;
}

function deliveryNudge(b: Build, p: ProductFacts | null): string {
  const { es, lang, ctx } = b;
  if (p) {
    const free = freeShippingFor(b, p);
    if (free) return free;
  }
  const ship = ctx.store.deliveryOptions.find((o) => o.kind !== 'pickup');
  const pickup = ctx.store.deliveryOptions.find((o) => o.kind === 'pickup');
  const parts: string[] = [];
  if (ship) parts.push(deliveryLine(ship, ctx.store.currency, lang));
  if (pickup) parts.push(deliveryLine(pickup, ctx.store.currency, lang));
  if (!parts.length) return '';
  return (es ? 'Entrega: ' : 'Delivery: ') + parts.join('; ') + '.';
}

function productLink(b: Build, p: ProductFacts | null): string {
  if (!p?.url) return '';
  return b.es ? ` Puedes comprarlo aquí: ${p.url}` : ` You can buy it here: ${p.url}`;
}

function replyPrice(b: Build): SuggestedReply[] {
  const { es, a } = b;
  const p = a.product;
  if (!p) {
    const teaser = catalogTeaser(b);
    return [
      { style: 'question', text: es ? `¿Qué producto te interesa? Te paso el precio al momento. ${teaser}`.trim() : `Which product are you interested in? I'll send you the price right away. ${teaser}`.trim() },
      { style: 'answer', text: teaser || (es ? '¿Me dices qué producto buscas?' : 'Which product are you looking for?') },
    ];
  }
  const price = priceSentence(b, p);
  const keys = keysOf(p);
  const total = stockOf(p.variants);
  let follow: string;
  if (total === 0) follow = es ? 'Por ahora está agotado; ¿quieres que te avise cuando vuelva?' : "It's sold out right now; shall I let you know when it's back?";
  else if (keys.length && !a.mentions.length) {
    const key = keys[0]!;
    const vals = inStockValues(p, key, []);
    follow = es ? `¿Qué ${keyNoun(key, 'es', false)} buscas? Tenemos ${joinList(vals, 'es')}.` : `Which ${keyNoun(key, 'en', false)} are you after? We have ${joinList(vals, 'en')}.`;
  } else follow = es ? '¿Te lo separo?' : 'Shall I set one aside for you?';
  const nudge = deliveryNudge(b, p);
  return [
    { style: 'answer', text: price },
    { style: 'question', text: `${price} ${follow}` },
    { style: 'action', text: `${price} ${nudge}${productLink(b, p)}`.trim() },
  ];
}

function replyAvailability(b: Build): SuggestedReply[] {
  const { es, lang, a, ctx } = b;
  const p = a.product;
  if (!p) {
    const teaser = catalogTeaser(b);
    return [
      { style: 'question', text: es ? `¿Qué producto buscas? Te confirmo el stock al momento. ${teaser}`.trim() : `Which product are you looking for? I'll check the stock right away. ${teaser}`.trim() },
    ];
  }
  const total = stockOf(p.variants);
  const keys = keysOf(p);
  if (total > 0) {
    const byKey = keys
      .map((k) => {
        const vals = inStockValues(p, k, []);
        return es ? `${keyNoun(k, 'es')} disponibles: ${joinList(vals, 'es')}` : `${keyNoun(k, 'en')} available: ${joinList(vals, 'en')}`;
      })
      .join('. ');
    const yes = es ? `¡Sí! Tenemos ${p.title} disponible.` : `Yes! ${p.title} is in stock.`;
    const count = es ? `Nos quedan ${total} unidades de ${p.title}.` : `We have ${total} units of ${p.title} left.`;
    return [
      { style: 'answer', text: byKey ? `${yes} ${byKey[0]!.toUpperCase()}${byKey.slice(1)}.` : yes },
      { style: 'question', text: `${count} ${keys.length ? (es ? `¿Qué ${keyNoun(keys[0]!, 'es', false)} buscas?` : `Which ${keyNoun(keys[0]!, 'en', false)} would you like?`) : es ? '¿Te lo separo?' : 'Shall I set one aside for you?'}` },
      { style: 'action', text: `${yes} ${priceSentence(b, p)}${productLink(b, p) || (es ? ' ¿Te lo envío?' : ' Shall I ship it to you?')}` },
    ];
  }
  const others = ctx.products.filter((o) => o.id !== p.id && stockOf(o.variants) > 0).slice(0, 2);
  const alt = others.length
    ? es
      ? ` Te puedo ofrecer ${joinList(others.map((o) => `${o.title} (${money(productPriceRange(o).min, o.currency, lang)})`), 'es')}.`
      : ` I can offer ${joinList(others.map((o) => `${o.title} (${money(productPriceRange(o).min, o.currency, lang)})`), 'en')}.`
    : '';
  const out = es ? `Por ahora ${p.title} está agotado.` : `${p.title} is sold out right now.`;
  return [
    { style: 'answer', text: out },
    { style: 'question', text: `${out} ${es ? '¿Quieres que te avise cuando vuelva a llegar?' : 'Would you like me to let you know when it is back?'}` },
    ...(alt ? [{ style: 'action' as const, text: `${out}${alt}` }] : []),
  ];
}

function replyVariant(b: Build): SuggestedReply[] {
  const { es, lang, a } = b;
  const p = a.product;
  if (!p) {
    return [{ style: 'question', text: es ? '¿De qué producto me consultas? Te confirmo tallas, colores y stock.' : 'Which product is it? I’ll confirm the options and stock.' }];
  }
  const keys = keysOf(p);
  const total = stockOf(p.variants);
  if (!keys.length) {
    const base = total > 0
      ? es ? `${p.title} viene en una sola presentación y está disponible.` : `${p.title} comes in a single version and is in stock.`
      : es ? `${p.title} viene en una sola presentación y por ahora está agotado.` : `${p.title} comes in a single version and is sold out right now.`;
    return [{ style: 'answer', text: base }, { style: 'action', text: `${base} ${priceSentence(b, p)}` }];
  }
  const listing = keys
    .map((k) => {
      const vals = inStockValues(p, k, []);
      if (!vals.length) return '';
      return es ? `${keyNoun(k, 'es')} en stock: ${joinList(vals, 'es')}` : `${keyNoun(k, 'en')} in stock: ${joinList(vals, 'en')}`;
    })
    .filter(Boolean)
    .map((s) => `${s[0]!.toUpperCase()}${s.slice(1)}.`)
    .join(' ');

  let answer: string;
  let available = false;
  if (a.mentions.length) {
    const vs = matchingVariants(p, a.mentions);
    const stock = stockOf(vs);
    const desc = describeMentions(a.mentions, lang);
    const unspecified = keys.filter((k) => !a.mentions.some((m) => m.key === k));
    if (stock > 0) {
      available = true;
      const what = /^(la talla|size)/.test(desc) ? desc : es ? `lo tenemos en ${desc}` : `we have it in ${desc}`;
      const yes = /^(la talla|size)/.test(desc) ? (es ? `Sí, tenemos ${desc}` : `Yes, we have ${desc}`) : es ? `Sí, ${what}` : `Yes, ${what}`;
      if (!unspecified.length) answer = es ? `${yes} (${stock} disponibles).` : `${yes} (${stock} available).`;
      else {
        const k = unspecified[0]!;
        const vals = inStockValues(p, k, a.mentions);
        answer = es
          ? `${yes}; ${keyNoun(k, 'es')} disponibles: ${joinList(vals, 'es')}.`
          : `${yes}; ${keyNoun(k, 'en')} available: ${joinList(vals, 'en')}.`;
      }
    } else {
      const hasSize = a.mentions.some((m) => /^(talla|size|talle)$/i.test(m.key));
      const soldOut = es
        ? hasSize ? `${desc[0]!.toUpperCase()}${desc.slice(1)} está agotada` : `${p.title} en ${desc} está agotado`
        : hasSize ? `${desc[0]!.toUpperCase()}${desc.slice(1)} is sold out` : `${p.title} in ${desc} is sold out`;
      // Offer the nearest alternative: same other values, another value of the last named key.
      let alt = '';
      for (const m of [...a.mentions].reverse()) {
        const fixed = a.mentions.filter((x) => x !== m);
        const vals = inStockValues(p, m.key, fixed).filter((v) => v !== m.value);
        if (vals.length) {
          const where = fixed.length ? describeMentions(fixed, lang) : '';
          alt = es
            ? `; ${where ? `en ${where} tenemos` : `tenemos ${keyNoun(m.key, 'es')}`} ${joinList(vals, 'es')}`
            : `; ${where ? `in ${where} we have` : `we have ${keyNoun(m.key, 'en')}`} ${joinList(vals, 'en')}`;
          break;
        }
      }
      answer = `${soldOut}${alt}.`;
    }
  } else if (a.missingValueKeys.length) {
    const k = a.missingValueKeys[0]!;
    const vals = inStockValues(p, k, []);
    const that = /^(talla|talle)$/i.test(k) ? 'Esa talla no la tenemos' : `Ese ${keyNoun(k, 'es', false)} no lo tenemos`;
    answer = es
      ? `${that} en ${p.title}; ${keyNoun(k, 'es')} disponibles: ${joinList(vals, 'es')}.`
      : `We don't have that ${keyNoun(k, 'en', false)} for ${p.title}; ${keyNoun(k, 'en')} available: ${joinList(vals, 'en')}.`;
  } else {
    answer = listing || (es ? `Por ahora ${p.title} está agotado.` : `${p.title} is sold out right now.`);
  }
  const question = available
    ? es ? '¿Te lo separo?' : 'Shall I set it aside for you?'
    : a.mentions.length || a.missingValueKeys.length
      ? es ? '¿Te sirve alguna de estas opciones?' : 'Would one of these work for you?'
      : es ? `¿Qué ${keyNoun(keys[0]!, 'es', false)} usas normalmente?` : `Which ${keyNoun(keys[0]!, 'en', false)} do you usually wear?`;
  const replies: SuggestedReply[] = [
    { style: 'answer', text: answer },
    { style: 'question', text: `${answer} ${question}` },
  ];
  if (available) replies.push({ style: 'action', text: `${answer} ${priceSentence(b, p)}${productLink(b, p)}`.trim() });
  else if (a.mentions.length && listing) replies.push({ style: 'action', text: `${answer} ${listing}` });
  return replies;
}

function replyShipping(b: Build): SuggestedReply[] {
  const { es, lang, ctx, a } = b;
  const opts = ctx.store.deliveryOptions;
  if (!opts.length) {
    return [{ style: 'answer', text: es ? 'Déjame confirmarte las opciones de entrega en un momento.' : 'Let me confirm the delivery options for you in a moment.' }];
  }
  const lines = opts.map((o) => deliveryLine(o, ctx.store.currency, lang));
  const all = (es ? 'Opciones de entrega: ' : 'Delivery options: ') + lines.join('; ') + '.';
  const shipLines = opts.filter((o) => o.kind !== 'pickup').map((o) => deliveryLine(o, ctx.store.currency, lang));
  const replies: SuggestedReply[] = [
    { style: 'answer', text: all },
    {
      style: 'question',
      text: `${shipLines.length ? shipLines.join('; ') + '.' : all} ${es ? '¿A qué ciudad o distrito sería el envío?' : 'Where would it be shipped to?'}`,
    },
  ];
  const free = a.product ? freeShippingFor(b, a.product) : null;
  const pickup = opts.find((o) => o.kind === 'pickup');
  if (free) replies.push({ style: 'action', text: `${free} ${es ? '¿Te lo envío?' : 'Shall I ship it?'}` });
  else if (pickup)
    replies.push({ style: 'action', text: `${es ? 'También puedes recoger' : 'You can also pick it up'}: ${deliveryLine(pickup, ctx.store.currency, lang)}. ${es ? '¿Qué prefieres?' : 'Which do you prefer?'}` });
  return replies;
}

const PAYMENT_GROUPS: string[][] = [
  ['yape', 'yapear', 'yapearte', 'yapeo'],
  ['plin'],
  ['nequi'],
  ['daviplata'],
  ['oxxo'],
  ['spei', 'transferencia', 'transfer', 'deposito', 'depositar', 'bcp', 'cuenta'],
  ['tarjeta', 'card', 'credito', 'debito', 'credit', 'debit', 'visa', 'mastercard'],
  ['efectivo', 'cash', 'contra entrega'],
  ['paypal'],
  ['venmo'],
  ['zelle'],
  ['usdt', 'cripto', 'crypto', 'bitcoin', 'usdc'],
  ['mercado pago', 'mercadopago'],
];

function replyPayment(b: Build): SuggestedReply[] {
  const { es, lang, ctx } = b;
  const methods = ctx.store.paymentMethods;
  if (!methods.length) return [{ style: 'answer', text: es ? 'Te confirmo los medios de pago en un momento.' : "I'll confirm the payment methods in a moment." }];
  const msg = ` ${normalizeText(ctx.message)} `;
  const all = joinList(methods, lang);
  const asked = PAYMENT_GROUPS.find((g) => g.some((w) => msg.includes(` ${w} `)));
  let answer: string;
  if (asked) {
    const accepted = methods.find((m) => asked.some((w) => ` ${normalizeText(m)} `.includes(` ${w} `)));
    if (accepted) {
      const others = methods.filter((m) => m !== accepted);
      answer = es
        ? `Sí, aceptamos ${accepted}.${others.length ? ` También ${joinList(others, 'es')}.` : ''}`
        : `Yes, we accept ${accepted}.${others.length ? ` Also ${joinList(others, 'en')}.` : ''}`;
    } else
      answer = es ? `Ese medio de pago no lo tenemos por ahora; puedes pagar con ${all}.` : `We don't take that one for now; you can pay with ${all}.`;
  } else answer = es ? `Puedes pagar con ${all}.` : `You can pay with ${all}.`;
  return [
    { style: 'answer', text: answer },
    { style: 'question', text: `${answer} ${es ? '¿Con cuál te queda mejor?' : 'Which one works best for you?'}` },
    { style: 'action', text: `${answer} ${es ? 'Eliges el medio de pago al confirmar tu pedido.' : 'You choose the payment method when you place your order.'}` },
  ];
}

function replyOrderStatus(b: Build): SuggestedReply[] {
  const { es, a, ctx } = b;
  const o = a.order;
  if (!o) {
    const none = es
      ? `No encuentro un pedido tuyo en ${ctx.store.name}. ¿Me pasas el número de pedido para revisarlo?`
      : `I can't find an order of yours at ${ctx.store.name}. Could you send me the order number so I can check?`;
    return [{ style: 'question', text: none }];
  }
  const status = orderStatusSentence(o, b.lang);
  const items = o.items?.length ? (es ? ` Incluye: ${o.items.join(', ')}.` : ` It includes: ${o.items.join(', ')}.`) : '';
  const ask = o.status === 'delivered'
    ? es ? '¿Lo recibiste bien? Si no, avísame y lo revisamos.' : "Did you get it? If not, let me know and we'll look into it."
    : es ? '¿Te ayudo con algo más de tu pedido?' : 'Anything else I can help with on your order?';
  return [
    { style: 'answer', text: status },
    { style: 'question', text: `${status} ${ask}` },
    { style: 'action', text: `${status}${items}` },
  ];
}

function replyReturns(b: Build): SuggestedReply[] {
  const { es, ctx, a } = b;
  const complaint = COMPLAINT.test(normalizeText(ctx.message));
  const policy = ctx.store.returnPolicy?.trim();
  const orderRef = a.order ? (es ? ` ¿Es sobre tu pedido #${a.order.number}?` : ` Is this about order #${a.order.number}?`) : '';
  const sorry = es ? 'Lamento mucho lo que pasó 🙏 ¿Me envías una foto y tu número de pedido para solucionarlo?' : "I'm really sorry about that 🙏 Could you send me a photo and your order number so we can sort it out?";
  const policyText = policy ? (es ? `Nuestra política de cambios y devoluciones: ${policy}` : `Our returns policy: ${policy}`) : '';
  const noPolicy = es ? 'Cuéntame qué pasó y tu número de pedido, y lo revisamos personalmente.' : "Tell me what happened and your order number, and we'll look into it personally.";
  const replies: SuggestedReply[] = [];
  if (complaint) replies.push({ style: 'question', text: sorry });
  replies.push({ style: 'answer', text: policyText || noPolicy });
  replies.push({ style: 'action', text: `${policyText ? `${policyText} ` : ''}${es ? 'Escríbeme tu número de pedido y coordinamos.' : "Send me your order number and we'll arrange it."}${orderRef}` });
  return replies.slice(0, 3);
}

function replyDiscount(b: Build): SuggestedReply[] {
  const { es, lang, a, ctx } = b;
  const p = a.product;
  const price = p ? priceSentence(b, p) : '';
  const freeOpt = ctx.store.deliveryOptions.find((o) => o.kind === 'free_over' && o.freeOver);
  const perk = freeOpt
    ? es
      ? `Con compras desde ${money(freeOpt.freeOver!, ctx.store.currency, lang)} el envío "${freeOpt.label}" es gratis.`
      : `Orders from ${money(freeOpt.freeOver!, ctx.store.currency, lang)} get "${freeOpt.label}" for free.`
    : '';
  const first: SuggestedReply = price
    ? { style: 'answer', text: es ? `${price} Ese es el precio publicado por ahora.` : `${price} That's the listed price for now.` }
    : { style: 'question', text: es ? '¿Sobre qué producto? Te confirmo el precio y lo que te puedo ofrecer.' : "Which product is it? I'll confirm the price and what I can offer." };
  return [
    first,
    { style: 'question', text: es ? `${price} ¿Cuántas unidades necesitas? Así reviso qué te puedo ofrecer.`.trim() : `${price} How many do you need? I'll see what I can offer.`.trim() },
    ...(perk ? [{ style: 'action' as const, text: `${price} ${perk}`.trim() }] : []),
  ];
}

function replyGreeting(b: Build): SuggestedReply[] {
  const { es, ctx, a, lang } = b;
  const store = ctx.store.name;
  if (THANKS.test(normalizeText(ctx.message))) {
    return [
      { style: 'answer', text: es ? '¡Gracias a ti! Cualquier consulta, aquí estoy.' : 'Thank you! Any questions, I’m here.' },
      { style: 'question', text: es ? '¡Con gusto! ¿Te ayudo con algo más?' : 'My pleasure! Anything else I can help with?' },
      { style: 'action', text: es ? `¡Gracias por escribir a ${store}! 😊` : `Thanks for writing to ${store}! 😊` },
    ];
  }
  const replies: SuggestedReply[] = [
    { style: 'question', text: es ? `¡Hola! Gracias por escribir a ${store}. ¿En qué te puedo ayudar?` : `Hi! Thanks for writing to ${store}. How can I help?` },
  ];
  const p = a.product;
  if (p) {
    const { min } = productPriceRange(p);
    const inStock = stockOf(p.variants) > 0;
    const pr = money(min, p.currency, lang);
    const ranged = productPriceRange(p).max !== min;
    const priceText = es ? `${ranged ? 'desde ' : ''}${pr}` : `${ranged ? 'from ' : ''}${pr}`;
    replies.push({
      style: 'answer',
      text: es
        ? `¡Hola! 👋 ¿Te interesa ${p.title}? Cuesta ${priceText}${inStock ? ' y lo tenemos disponible' : ''}.`
        : `Hi! 👋 Interested in ${p.title}? It's ${priceText}${inStock ? ' and in stock' : ''}.`,
    });
  }
  replies.push({ style: 'action', text: es ? '¡Hola! Cuéntame qué buscas y te ayudo con precios, stock y envíos.' : "Hi! Tell me what you're looking for and I'll help with prices, stock and shipping." });
  return replies;
}

function replyOther(b: Build): SuggestedReply[] {
  const { es, a } = b;
  const p = a.product;
  const replies: SuggestedReply[] = [
    { style: 'answer', text: es ? 'Gracias por tu mensaje. Déjame revisarlo y te respondo en un momento.' : "Thanks for your message. Let me check and I'll get back to you shortly." },
  ];
  if (p) replies.push({ style: 'question', text: es ? `Te confirmo ese detalle de ${p.title} en un momento. ¿Quieres saber algo más, como precio o disponibilidad?` : `I'll confirm that detail about ${p.title} shortly. Anything else, like price or availability?` });
  else replies.push({ style: 'question', text: es ? '¿Te ayudo con precio, disponibilidad o envío?' : 'Can I help with price, availability or shipping?' });
  if (p?.url) replies.push({ style: 'action', text: es ? `Aquí tienes todos los detalles de ${p.title}: ${p.url}` : `Here are all the details of ${p.title}: ${p.url}` });
  return replies;
}

const BUILDERS: Record<Intent, (b: Build) => SuggestedReply[]> = {
  greeting: replyGreeting,
  price: replyPrice,
  availability: replyAvailability,
  variant: replyVariant,
  shipping: replyShipping,
  payment: replyPayment,
  order_status: replyOrderStatus,
  returns: replyReturns,
  discount: replyDiscount,
  other: replyOther,
};

export type BuiltinReplies = { analysis: MessageAnalysis; replies: SuggestedReply[] };

/** Up to three different replies, every fact taken from the data in `ctx`; buyer text is never echoed. */
export function builtinSuggestReplies(ctx: ReplyContext): BuiltinReplies {
  const analysis = analyzeMessage(ctx);
  const b: Build = { es: analysis.language === 'es', lang: analysis.language, ctx, a: analysis, cur: ctx.store.currency };
  let replies = BUILDERS[analysis.intent](b);
  // A second question in the same message ("¿precio y envío?") gets its answer folded into the last suggestion.
  const extra = analysis.secondary.find((i) => i === 'shipping' || i === 'payment' || i === 'price');
  if (extra && extra !== analysis.intent && replies.length) {
    const add = BUILDERS[extra](b)[0]?.text;
    if (add) {
      const last = replies[replies.length - 1]!;
      replies = [...replies.slice(0, -1), { ...last, text: `${last.text} ${add}` }];
    }
  }
  const seen = new Set<string>();
  const unique = replies.filter((r) => {
    const t = r.text.replace(/[ \t\n]+/g, ' ').trim();
    if (!t || seen.has(t)) return false;
    seen.add(t);
    r.text = t;
    return true;
  });
  return { analysis, replies: unique.slice(0, 3) };
}
