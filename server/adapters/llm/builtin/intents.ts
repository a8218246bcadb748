import type { Intent, Locale } from '../types';

type Rule = { re: RegExp; w: number; lang?: Locale };

/**
 * Weighted patterns over normalised text (see normalize.ts: no accents, shorthand expanded). A message may match
 * several intents ("hola, ¿cuánto cuesta y hacen envíos?"); the highest total wins, ties go to what was asked
 * first. Greetings weigh less than any real question so "hola + question" is the question.
 */
const RULES: Record<Exclude<Intent, 'other' | 'variant'>, Rule[]> = {
  greeting: [
    { re: /\b(hola|holi|buenas|wenas|wena|buenass|buenos dias|buen dia|buenas (tardes|noches)|saludos|que tal|que mas|que onda|hi|hello|hey|good (morning|afternoon|evening))\b/, w: 0.8 },
    { re: /\b(gracias|thanks|thank you|perfecto|genial|muy amable|have a nice day)\b/, w: 0.8 },
  ],
  price: [
    { re: /\bcuanto(?! (dura|tiempo|demora|tarda|se demora|tengo|pesa|mide))\b/, w: 1.5 },
    { re: /\b(precio|precios|price|prices|cost|costs|costo)\b/, w: 2 },
    { re: /\b(cuesta|cuestan|valor|vale|valen)\b/, w: 1.5 },
    { re: /\bcuanto (me |nos |te )?(cuesta|cuestan|vale|valen|sale|salen|es|esta|estan)\b/, w: 2.5 },
    { re: /\bhow much\b/, w: 2 },
    { re: /\ba como\b/, w: 2 },
  ],
  availability: [
    { re: /\b(stock|disponibles?|disponibilidad|available|availability|existencia|quedan?|left|agotad[oa]s?|sold out)\b/, w: 1.5 },
    { re: /\b(todavia|aun|still|sigue|siguen)\b/, w: 1 },
    { re: /\b(vuelve a llegar|vuelven a llegar|back in stock|restock|reponen|repones)\b/, w: 2.5 },
  ],
  shipping: [
    { re: /\b(envio|envios|envian|envias|envia|enviar|delivery|domicilio|domicilios|ship|shipping|ships|deliver|paqueteria|courier|express|mandan|mandas)\b/, w: 2.5 },
    { re: /\b(pasar por|paso por|pasar a recoger|come by)\b/, w: 1.5 },
    { re: /\b(recoger|recojo|recoge|pickup|pick (it |them )?up|retirar)\b/, w: 2 },
    { re: /\b(llega|llegan|llegar|demora|tarda|tardan|how long)\b/, w: 1.5 },
    { re: /\bcuanto (demora|tarda|se demora|tiempo)\b/, w: 1 },
    { re: /\b(gratis|free)\b/, w: 0.5 },
    // "¿cuánto cuesta el envío?" asks the price of delivery, not of the product.
    { re: /\b(cuanto|precio|costo|cost|cuesta|vale|cobran|sale)( (cuesta|vale|sale|es|esta|cobran|por|de|del|el|la|the|of|for))* (envio|delivery|domicilio|shipping)\b/, w: 3 },
    { re: /\b(shipping|envio|delivery|domicilio) (cost|price|precio|costo|cuanto|vale|sale|cuesta)\b/, w: 3 },
  ],
  payment: [
    { re: /\b(pagar|pago|pagos|pay|payment|payments|paying)\b/, w: 2.5 },
    { re: /\b(tarjeta|card|efectivo|cash|transferencia|transfer|deposito|depositar|yape|yapear|yapearte|yapeo|plin|nequi|daviplata|oxxo|spei|paypal|venmo|zelle|usdt|cripto|crypto|mercado pago|cuotas|installments|contra entrega|meses sin intereses)\b/, w: 2 },
    { re: /\bcuenta\b/, w: 0.5 },
  ],
  order_status: [
    { re: /\b(mi|my) (pedido|orden|compra|paquete|order|package|envio|pago|payment)\b/, w: 3 },
    { re: /\b(el|the|su|your) (pedido|orden|order|package|paquete)\b/, w: 2 },
    { re: /\b(hice el pago|hice la transferencia|ya pague|ya deposite|ya transferi|i paid|already paid|va en camino|on its way|hasnt arrived|has not arrived|no me ha llegado|no me llega)\b/, w: 3 },
    { re: /\b(tracking|seguimiento|rastreo|rastrear|guia|track)\b/, w: 2.5 },
    { re: /(#\s?\d{3,}|\b(pedido|orden|order) #?\d{3,})/, w: 3 },
    { re: /\b(hice un pedido|hice una compra|ya salio|domiciliario|despachan|despacharon|enviaron mi|update on)\b/, w: 2 },
    { re: /\b(que|lo que|los que|la que|ya) (compre|pedi|pague)\b/, w: 3 },
    { re: /\bcompre\b/, w: 1.5 },
  ],
  returns: [
    { re: /\b(devolver|devolverlo|devolverla|devolucion|devoluciones|devuelvan|devuelven|reembolso|refund|return|returns|exchange|garantia|warranty|reclamo|queja)\b/, w: 3 },
    { re: /\b(cambio|cambios|cambiar|cambiarlo|cambiarla)\b/, w: 2.5 },
    { re: /\b(moho|hole|holes|ripped|torn|defective|stain|stained|not working|doesnt work|does not work|podrid[oa]|vencid[oa]|mala calidad|descosid[oa]|despegad[oa]|defecto|fallado|fallada|roto|rota|danado|damaged|broken|manchado|manchada|hueco|equivocad[oa]|wrong|aplastad[oa]|frias|frios|no funciona|no funcionan|dejo de|se calienta|me cobraron|llego mal|vino mal)\b/, w: 3 },
    { re: /\b(no me queda|me quedo (chico|grande|pequeno|corto)|doesnt fit|does not fit|mandaron otr[ao]|pedi \w+ y (llego|llegaron)|llegaron \d+ \w+ y pedi)\b/, w: 2.5 },
  ],
  discount: [
    { re: /\b(descuent\w*|rebaj\w*|precio especial|special price|promo|promocion|oferta|ofertas|cupon|coupon|codigo|discount|deal|black friday|mayoreo|bulk)\b/, w: 3 },
    { re: /\b(dejas|deja|dejarias|dejan|me lo das|haces precio|hacen precio|hace precio|mas barato|cheaper|caro)\b/, w: 2.5 },
    { re: /\b(a|en) cuanto (me )?(lo |la |los |las )?(dejas|deja|dejarias|das)\b/, w: 4 },
    { re: /\b(ultimo precio|mejor precio|best price|precio por mayor|por mayor|al por mayor)\b/, w: 3 },
    { re: /\b(can you do|could you do|would you do|would you take|will you take|lo dejas en|me lo dejas en) \$?\d+/, w: 3 },
    { re: /\b\d+ (bucks|lucas|luquitas|mil)\b/, w: 1 },
    { re: /\b(on sale|a sale|any sale|sale going|sales)\b/, w: 3, lang: 'en' },
  ],
};

/** Instructions aimed at a model ("ignore previous instructions", "SYSTEM:") are not buyer questions. */
const INJECTION = /(ignor\w* (las |all |the |todas las )?(instrucciones|instructions|previous|anteriores|reglas|rules)|^\s*(system|sistema|assistant|asistente)\s*:|olvida (tus|las) (instrucciones|reglas)|you are now|ahora eres)/i;

/** Splits raw text into sentences, keeping decimal numbers ("1.65") whole. */
export function sentences(raw: string): string[] {
  return raw
    .split(/(?<!\d)[.!?¡¿\n]+|[.!?]+(?=\s|$)|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isInjection(sentence: string): boolean {
  return INJECTION.test(sentence);
}

export type IntentSignals = {
  /** The buyer named an option value or option of the product ("talla M", "¿qué colores?"). */
  optionValueNamed: boolean;
  optionKeyNamed: boolean;
  /** The product is named in the text, or the buyer refers to it ("lo tienen", "this"). */
  productReferenced: boolean;
};

export type IntentScores = { intent: Intent; scores: Record<Intent, number>; secondary: Intent[] };

export function classifyIntent(normalized: string, lang: Locale, signals: IntentSignals): IntentScores {
  const scores = Object.fromEntries([...Object.keys(RULES), 'variant', 'other'].map((k) => [k, 0])) as Record<Intent, number>;
  const firstAt = new Map<Intent, number>();
  const mark = (intent: Intent, w: number, at: number) => {
    scores[intent] += w;
    if (!firstAt.has(intent) || at < firstAt.get(intent)!) firstAt.set(intent, at);
  };
  const hits: Array<{ intent: Intent; w: number; at: number }> = [];
  for (const [intent, rules] of Object.entries(RULES) as Array<[Intent, Rule[]]>) {
    for (const r of rules) {
      if (r.lang && r.lang !== lang) continue;
      const m = r.re.exec(normalized);
      if (m) hits.push({ intent, w: r.w, at: m.index });
    }
  }
  // The strongest clue counts in full and further clues for the same intent add a quarter, so a message that
  // piles up payment words ("descuento por pago en efectivo") does not outvote the one word it is about.
  for (const intent of new Set(hits.map((h) => h.intent))) {
    const mine = hits.filter((h) => h.intent === intent).sort((a, b) => b.w - a.w);
    mark(intent, mine[0]!.w + 0.25 * mine.slice(1).reduce((s, h) => s + h.w, 0), Math.min(...mine.map((h) => h.at)));
  }
  // "¿Lo tienen?" / "do you have it" asks about stock only when it is about a product.
  const have = /\b(tienen|tienes|tiene|have|hay|got)\b/.exec(normalized);
  if (have && signals.productReferenced) mark('availability', 1, have.index);

  // Option words are the object of a question, not the question: "¿precio de la talla M?" is about price.
  const keyWord = /\b(talla|size|sizes|medida|medidas|numeros?(?! de (cuenta|pedido|orden|seguimiento|telefono|celular|whatsapp|guia))|color|colores|colour|colors|sabor|sabores|flavor|tamano|modelo|model|ram)\b/.exec(normalized);
  if (keyWord) mark('variant', 1.5, keyWord.index);
  const strongOther = Math.max(scores.price, scores.shipping, scores.payment, scores.order_status, scores.returns, scores.discount);
  if (signals.optionValueNamed && strongOther < 1.5) mark('variant', 2.5, firstAt.get('availability') ?? normalized.length);
  if (keyWord && signals.optionValueNamed === false && signals.optionKeyNamed && strongOther < 1.5) scores.variant += 0.5;

  const ranked = (Object.keys(scores) as Intent[])
    .filter((k) => scores[k] > 0)
    .sort((a, b) => scores[b] - scores[a] || (firstAt.get(a) ?? 0) - (firstAt.get(b) ?? 0));
  const intent: Intent = ranked[0] ?? 'other';
  const secondary = ranked.slice(1).filter((k) => k !== 'greeting' && scores[k] >= 2);
  return { intent, scores, secondary };
}
