import type { z } from 'zod';
import { buyerFooter, defineTemplate, greeting, links, money, renderLayout, storeWord, ZOrderBase } from './layout';

export const ZOrderExpiredData = ZOrderBase;
export type TOrderExpiredData = z.input<typeof ZOrderExpiredData>;

/** To the buyer: the payment window passed, the order is cancelled. */
export const orderExpired = defineTemplate(ZOrderExpiredData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const store = storeWord(d.storeName, locale);
  const amount = d.total !== undefined && d.currency ? money(d.total, d.currency, locale) : null;
  return renderLayout({
    locale,
    brand: d.storeName ?? 'VITA',
    subject: en ? `Order #${d.number} cancelled: payment not received` : `Pedido #${d.number} cancelado: no recibimos el pago`,
    preheader: en ? 'The payment window closed. Nothing was charged.' : 'El plazo de pago venció. No se cobró nada.',
    blocks: [
      { kind: 'heading', text: en ? 'The payment window closed' : 'El plazo de pago venció' },
      { kind: 'p', text: greeting(d.buyerName, locale) },
      {
        kind: 'p',
        text: en
          ? `We did not receive the payment${amount ? ` of ${amount}` : ''} for order #${d.number} at ${store} in time, so it was cancelled and the products were released. Nothing was charged.`
          : `No recibimos a tiempo el pago${amount ? ` de ${amount}` : ''} del pedido #${d.number} en ${store}, así que se canceló y los productos se liberaron. No se cobró nada.`,
      },
      {
        kind: 'p',
        text: en
          ? 'If you paid and see this message, do not worry: the payment will be reviewed and applied or returned.'
          : 'Si pagaste y ves este mensaje, no te preocupes: el pago se revisará y se aplicará o se te devolverá.',
      },
      { kind: 'button', label: en ? 'Shop again' : 'Volver a comprar', href: links.home(appUrl) },
      { kind: 'link', label: en ? 'View the order' : 'Ver el pedido', href: links.order(appUrl, d.orderId, d.accessToken) },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
