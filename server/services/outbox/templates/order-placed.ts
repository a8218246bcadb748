import { z } from 'zod';
import { buyerFooter, defineTemplate, formatDate, greeting, itemsBlock, links, money, renderLayout, storeWord, ZBreakdown, ZHttpUrl, ZOrderBase, ZOrderMoney, ZTimeZone } from './layout';

export const ZOrderPlacedData = ZOrderBase.extend(ZBreakdown.shape).extend({
  ...ZOrderMoney,
  /** The provider's payment page when already known; otherwise the button opens the order page, which offers it. */
  paymentUrl: ZHttpUrl.optional(),
  /** The payment window closes then; stock is held until then. */
  expiresAt: z.coerce.date().optional(),
  timeZone: ZTimeZone.optional(),
});
export type TOrderPlacedData = z.input<typeof ZOrderPlacedData>;

/** To the buyer: order received, waiting for payment. */
export const orderPlaced = defineTemplate(ZOrderPlacedData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const store = storeWord(d.storeName, locale);
  const deadline = d.expiresAt ? formatDate(d.expiresAt, locale, { timeZone: d.timeZone, withTime: true }) : null;
  const orderLink = links.order(appUrl, d.orderId, d.accessToken);
  return renderLayout({
    locale,
    brand: d.storeName ?? 'VITA',
    subject: en ? `Order #${d.number} received: complete your payment` : `Pedido #${d.number} recibido: completa tu pago`,
    preheader: en ? `Pay ${money(d.total, d.currency, locale)} to confirm your order.` : `Paga ${money(d.total, d.currency, locale)} para confirmar tu pedido.`,
    blocks: [
      { kind: 'heading', text: en ? 'We received your order' : 'Recibimos tu pedido' },
      { kind: 'p', text: greeting(d.buyerName, locale) },
      {
        kind: 'p',
        text: en
          ? `Your order #${d.number} at ${store} is reserved. Complete the payment of ${money(d.total, d.currency, locale)} to confirm it${deadline ? ` before ${deadline}` : ''}.`
          : `Tu pedido #${d.number} en ${store} está reservado. Completa el pago de ${money(d.total, d.currency, locale)} para confirmarlo${deadline ? ` antes del ${deadline}` : ''}.`,
      },
      { kind: 'button', label: en ? 'Pay now' : 'Pagar ahora', href: d.paymentUrl ?? orderLink },
      ...itemsBlock(d, locale),
      ...(d.paymentUrl ? [{ kind: 'link' as const, label: en ? 'View your order' : 'Ver tu pedido', href: orderLink }] : []),
      {
        kind: 'p',
        muted: true,
        text: en
          ? 'If the payment window closes, the order is cancelled and nothing is charged.'
          : 'Si el plazo de pago vence, el pedido se cancela y no se cobra nada.',
      },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
