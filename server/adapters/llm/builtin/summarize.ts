import type { ConversationSummary, Intent, Locale } from '../types';
import { matchingVariants, type OptionMention } from './catalog-match';
import { analyzeMessage, type ReplyContext } from './engine';
import { describeMentions, joinList, money, productPriceRange } from './phrases';

export type SummaryContext = Omit<ReplyContext, 'message'>;

const INTENT_LABEL: Record<Intent, { es: string; en: string }> = {
  greeting: { es: 'saludo', en: 'greeting' },
  price: { es: 'precio', en: 'price' },
  availability: { es: 'disponibilidad', en: 'availability' },
  variant: { es: 'tallas/variantes', en: 'sizes/variants' },
  shipping: { es: 'envío', en: 'shipping' },
  payment: { es: 'medios de pago', en: 'payment methods' },
  order_status: { es: 'estado del pedido', en: 'order status' },
  returns: { es: 'cambios/devoluciones', en: 'returns' },
  discount: { es: 'descuento', en: 'discount' },
  other: { es: 'otra consulta', en: 'other question' },
};

const STATUS_LABEL: Record<string, { es: string; en: string }> = {
  pending_payment: { es: 'pendiente de pago', en: 'awaiting payment' },
  paid: { es: 'pagado', en: 'paid' },
  fulfilled: { es: 'enviado', en: 'shipped' },
  delivered: { es: 'entregado', en: 'delivered' },
  cancelled: { es: 'cancelado', en: 'cancelled' },
  expired: { es: 'vencido', en: 'expired' },
  refunded: { es: 'reembolsado', en: 'refunded' },
};

function clip(s: string, n = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/**
 * Extractive: the buyer's own unanswered questions verbatim, the product and options they named, and a next step
 * computed from the store data. Written in the seller's locale.
 */
export function builtinSummarize(ctx: SummaryContext): ConversationSummary {
  const lang: Locale = ctx.locale;
  const es = lang === 'es';
  const messages = ctx.conversation?.messages ?? [];
  let productId = ctx.conversation?.productId ?? null;
  let mentions: OptionMention[] = [];
  const intents: Intent[] = [];
  let lastSeller = -1;
  messages.forEach((m, i) => {
    if (m.from === 'seller') lastSeller = i;
  });
  const open: Array<{ text: string; intent: Intent }> = [];
  let order = null as ReturnType<typeof analyzeMessage>['order'];
  messages.forEach((m, i) => {
    if (m.from !== 'buyer') return;
    const a = analyzeMessage({ ...ctx, message: m.text, conversation: { ...ctx.conversation, messages: [], productId } });
    if (a.product) {
      if (a.product.id !== productId) mentions = [];
      productId = a.product.id;
    }
    for (const v of a.mentions) mentions = [...mentions.filter((x) => x.key !== v.key), v];
    if (!intents.includes(a.intent) && a.intent !== 'greeting') intents.push(a.intent);
    if (a.intent === 'order_status' || a.intent === 'returns') order = a.order ?? order;
    const question = /\?/.test(m.text) || !['greeting', 'other'].includes(a.intent);
    if (i > lastSeller && question) open.push({ text: clip(m.text), intent: a.intent });
  });
  const product = ctx.products.find((p) => p.id === productId) ?? null;
  const topics = intents.filter((i) => i !== 'other').map((i) => INTENT_LABEL[i][lang]);

  let wants: string;
  if (order && intents.includes('order_status')) {
    wants = es
      ? `Consulta por su pedido #${order.number} (${STATUS_LABEL[order.status]!.es}).`
      : `Asking about order #${order.number} (${STATUS_LABEL[order.status]!.en}).`;
  } else if (product) {
    const desc = mentions.length ? ` (${describeMentions(mentions, lang)})` : '';
    wants = es
      ? `Le interesa ${product.title}${desc}${topics.length ? `; preguntó por ${joinList(topics, 'es')}` : ''}.`
      : `Interested in ${product.title}${desc}${topics.length ? `; asked about ${joinList(topics, 'en')}` : ''}.`;
  } else if (topics.length) {
    wants = es ? `Consulta sobre ${joinList(topics, 'es')}.` : `Asking about ${joinList(topics, 'en')}.`;
  } else wants = es ? 'Aún no dice qué busca.' : "Hasn't said what they want yet.";

  const last = open[open.length - 1];
  let nextStep: string;
  if (!last) nextStep = es ? 'Nada pendiente: hacer seguimiento si no confirma la compra.' : 'Nothing pending: follow up if they do not complete the purchase.';
  else {
    switch (last.intent) {
      case 'variant':
      case 'availability': {
        if (product) {
          const stock = (mentions.length ? matchingVariants(product, mentions) : product.variants).reduce((s, v) => s + v.stock, 0);
          const what = mentions.length ? `${product.title} ${describeMentions(mentions, lang)}` : product.title;
          nextStep = stock > 0
            ? es ? `Confirmar stock de ${what}: ${stock} disponibles; ofrecer separarlo.` : `Confirm stock of ${what}: ${stock} available; offer to set it aside.`
            : es ? `${what}: agotado; ofrecer otra variante o avisar al reponer.` : `${what}: sold out; offer another variant or a restock notice.`;
        } else nextStep = es ? 'Preguntar qué producto busca.' : 'Ask which product they want.';
        break;
      }
      case 'price':
        nextStep = product
          ? es ? `Enviar el precio (${money(productPriceRange(product).min, product.currency, lang)}) y el enlace de compra.` : `Send the price (${money(productPriceRange(product).min, product.currency, lang)}) and the product link.`
          : es ? 'Preguntar qué producto le interesa y enviar el precio.' : 'Ask which product and send the price.';
        break;
      case 'shipping':
        nextStep = es ? 'Pedir ciudad o distrito y confirmar la opción de entrega y su costo.' : 'Ask for the city and confirm the delivery option and fee.';
        break;
      case 'payment':
        nextStep = es ? `Indicar medios de pago: ${joinList(ctx.store.paymentMethods, 'es')}.` : `Share payment methods: ${joinList(ctx.store.paymentMethods, 'en')}.`;
        break;
      case 'order_status':
        nextStep = order
          ? es ? `Informar el estado del pedido #${order.number}: ${STATUS_LABEL[order.status]!.es}.` : `Report order #${order.number} status: ${STATUS_LABEL[order.status]!.en}.`
          : es ? 'Pedir el número de pedido: no hay pedidos suyos en la tienda.' : 'Ask for the order number: no orders of theirs in the store.';
        break;
      case 'returns':
        nextStep = es ? 'Pedir foto y número de pedido, y aplicar la política de cambios.' : 'Ask for a photo and the order number, and apply the returns policy.';
        break;
      case 'discount':
        nextStep = es ? 'Decidir si ofrecer un descuento o destacar el envío gratis.' : 'Decide whether to offer a discount or point out free shipping.';
        break;
      default:
        nextStep = es ? 'Responder la consulta pendiente.' : 'Answer the pending question.';
    }
  }
  return { wants, openQuestions: open.map((o) => o.text), nextStep };
}
