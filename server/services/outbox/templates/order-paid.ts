import { z } from 'zod';
import { buyerFooter, defineTemplate, greeting, itemsBlock, links, renderLayout, storeWord, ZBreakdown, ZOrderBase, ZOrderMoney } from './layout';

export const ZOrderPaidData = ZOrderBase.extend(ZBreakdown.shape).extend({
  ...ZOrderMoney,
  /** The payment provider's reference, shown so the buyer can quote it. */
  paymentRef: z.string().max(200).optional(),
});
export type TOrderPaidData = z.input<typeof ZOrderPaidData>;

/** To the buyer: payment confirmed, with the receipt link. */
export const orderPaid = defineTemplate(ZOrderPaidData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const store = storeWord(d.storeName, locale);
  const pickup = d.delivery?.kind === 'pickup';
  return renderLayout({
    locale,
    brand: d.storeName ?? 'VITA',
    subject: en ? `Payment confirmed: order #${d.number}` : `Pago confirmado: pedido #${d.number}`,
    preheader: en ? `${store} is preparing your order.` : `${store} está preparando tu pedido.`,
    blocks: [
      { kind: 'heading', text: en ? 'Payment confirmed' : '¡Pago confirmado!' },
      { kind: 'p', text: greeting(d.buyerName, locale) },
      {
        kind: 'p',
        text: en
          ? `We received the payment for your order #${d.number}. ${store} is preparing it${pickup ? '' : ' and we will let you know when it ships'}.`
          : `Recibimos el pago de tu pedido #${d.number}. ${store} lo está preparando${pickup ? '' : ' y te avisaremos cuando lo envíe'}.`,
      },
      ...(pickup && d.delivery?.details ? [{ kind: 'rows' as const, rows: [[en ? 'Pick up at' : 'Recógelo en', d.delivery.details] as [string, string]] }] : []),
      ...itemsBlock(d, locale),
      ...(d.paymentRef ? [{ kind: 'rows' as const, rows: [[en ? 'Payment reference' : 'Referencia de pago', d.paymentRef] as [string, string]] }] : []),
      { kind: 'button', label: en ? 'View your order' : 'Ver tu pedido', href: links.order(appUrl, d.orderId, d.accessToken) },
      { kind: 'link', label: en ? 'Download the receipt (PDF)' : 'Descargar el comprobante (PDF)', href: links.receipt(appUrl, d.orderId, d.accessToken) },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
