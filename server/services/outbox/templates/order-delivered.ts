import type { z } from 'zod';
import { buyerFooter, defineTemplate, greeting, links, renderLayout, storeWord, ZOrderBase } from './layout';

export const ZOrderDeliveredData = ZOrderBase;
export type TOrderDeliveredData = z.input<typeof ZOrderDeliveredData>;

/** To the buyer: the order arrived. */
export const orderDelivered = defineTemplate(ZOrderDeliveredData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const store = storeWord(d.storeName, locale);
  return renderLayout({
    locale,
    brand: d.storeName ?? 'VITA',
    subject: en ? `Order #${d.number} delivered` : `Pedido #${d.number} entregado`,
    preheader: en ? `Enjoy your purchase from ${store}.` : `Disfruta tu compra en ${store}.`,
    blocks: [
      { kind: 'heading', text: en ? 'Your order was delivered' : 'Tu pedido fue entregado' },
      { kind: 'p', text: greeting(d.buyerName, locale) },
      {
        kind: 'p',
        text: en
          ? `Order #${d.number} from ${store} was marked as delivered. Thank you for your purchase!`
          : `El pedido #${d.number} de ${store} figura como entregado. ¡Gracias por tu compra!`,
      },
      {
        kind: 'p',
        muted: true,
        text: en ? 'If something is wrong with your order, contact the store from the order page.' : 'Si algo no está bien con tu pedido, contacta a la tienda desde la página del pedido.',
      },
      { kind: 'button', label: en ? 'View your order' : 'Ver tu pedido', href: links.order(appUrl, d.orderId, d.accessToken) },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
