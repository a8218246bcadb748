import { z } from 'zod';
import { defineTemplate, itemsBlock, links, money, renderLayout, sellerFooter, storeWord, ZAmount, ZBreakdown, ZOrderBase, ZOrderMoney } from './layout';

export const ZOrderPaidSellerData = ZOrderBase.extend(ZBreakdown.shape).extend({
  ...ZOrderMoney,
  storeId: z.uuid(),
  /** The platform's commission on this order and what the seller keeps (minor units), when known. */
  commission: ZAmount.optional(),
  net: ZAmount.optional(),
  /** "Lima, PE" or the pickup point: enough for the seller to see where it goes. */
  shipTo: z.string().max(300).optional(),
});
export type TOrderPaidSellerData = z.input<typeof ZOrderPaidSellerData>;

/** To the store's owner: a new paid order to prepare. */
export const orderPaidSeller = defineTemplate(ZOrderPaidSellerData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const total = money(d.total, d.currency, locale);
  const store = storeWord(d.storeName, locale);
  const rows: [string, string][] = [];
  if (d.buyerName) rows.push([en ? 'Buyer' : 'Comprador', d.buyerName]);
  if (d.delivery?.label) rows.push([en ? 'Delivery' : 'Entrega', d.delivery.label]);
  if (d.shipTo) rows.push([en ? 'Deliver to' : 'Entregar en', d.shipTo]);
  if (d.commission !== undefined) rows.push([en ? 'VITA commission' : 'Comisión VITA', money(d.commission, d.currency, locale)]);
  if (d.net !== undefined) rows.push([en ? 'You receive' : 'Recibes', money(d.net, d.currency, locale)]);
  return renderLayout({
    locale,
    brand: 'VITA',
    subject: en ? `New paid order #${d.number} (${total})` : `Nuevo pedido pagado #${d.number} (${total})`,
    preheader: en ? `${d.buyerName ?? 'A buyer'} paid ${total} at ${store}.` : `${d.buyerName ?? 'Un comprador'} pagó ${total} en ${store}.`,
    blocks: [
      { kind: 'heading', text: en ? 'You have a new order' : 'Tienes un pedido nuevo' },
      {
        kind: 'p',
        text: en
          ? `Order #${d.number} at ${store} is paid. Prepare it and mark it as shipped when it leaves.`
          : `El pedido #${d.number} de ${store} está pagado. Prepáralo y márcalo como enviado cuando salga.`,
      },
      ...(rows.length ? [{ kind: 'rows' as const, rows }] : []),
      ...itemsBlock(d, locale),
      { kind: 'button', label: en ? 'Open the order' : 'Abrir el pedido', href: links.sellerOrder(appUrl, d.storeId, d.orderId) },
    ],
    footer: sellerFooter(locale),
  });
});
