import { z } from 'zod';
import { buyerFooter, defineTemplate, greeting, itemsBlock, links, renderLayout, storeWord, ZHttpUrl, ZOrderBase } from './layout';

export const ZOrderShippedData = ZOrderBase.extend({
  carrier: z.string().min(1).max(120),
  trackingNumber: z.string().max(120).nullish(),
  trackingUrl: ZHttpUrl.nullish(),
});
export type TOrderShippedData = z.input<typeof ZOrderShippedData>;

/** To the buyer: the order left, with carrier and tracking. */
export const orderShipped = defineTemplate(ZOrderShippedData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const store = storeWord(d.storeName, locale);
  const rows: [string, string][] = [[en ? 'Carrier' : 'Transportista', d.carrier]];
  if (d.trackingNumber) rows.push([en ? 'Tracking number' : 'Número de seguimiento', d.trackingNumber]);
  return renderLayout({
    locale,
    brand: d.storeName ?? 'VITA',
    subject: en ? `Your order #${d.number} is on its way` : `Tu pedido #${d.number} está en camino`,
    preheader: en ? `${store} shipped it with ${d.carrier}.` : `${store} lo envió con ${d.carrier}.`,
    blocks: [
      { kind: 'heading', text: en ? 'Your order is on its way' : 'Tu pedido está en camino' },
      { kind: 'p', text: greeting(d.buyerName, locale) },
      { kind: 'p', text: en ? `${store} shipped your order #${d.number}.` : `${store} envió tu pedido #${d.number}.` },
      { kind: 'rows', rows },
      ...(d.trackingUrl ? [{ kind: 'button' as const, label: en ? 'Track the package' : 'Seguir el envío', href: d.trackingUrl }] : []),
      ...itemsBlock(d, locale),
      { kind: 'link', label: en ? 'View your order' : 'Ver tu pedido', href: links.order(appUrl, d.orderId, d.accessToken) },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
