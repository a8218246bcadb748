import { z } from 'zod';
import { defineTemplate, links, money, renderLayout, sellerFooter, storeWord, ZAmount, ZCurrency } from './layout';

export const ZPaymentReviewData = z.object({
  orderId: z.uuid(),
  number: z.number().int().positive(),
  storeId: z.uuid().optional(),
  storeName: z.string().min(1).max(200).optional(),
  currency: ZCurrency,
  /** What the order asked for (callers may call it `total`) and what the provider reported as received. */
  expectedAmount: ZAmount,
  receivedAmount: ZAmount.optional(),
  /** Why a person has to look: amount mismatch, paid after expiry, other currency… */
  reason: z.string().min(1).max(500),
});
export type TPaymentReviewData = z.input<typeof ZPaymentReviewData>;

/** To the store's owner: a payment arrived that does not match and needs a decision. */
export const paymentReview = defineTemplate(
  ZPaymentReviewData,
  (d, { locale, appUrl }) => {
    const en = locale === 'en';
    const store = storeWord(d.storeName, locale);
    const rows: [string, string][] = [[en ? 'Order total' : 'Total del pedido', money(d.expectedAmount, d.currency, locale)]];
    if (d.receivedAmount !== undefined) rows.push([en ? 'Received' : 'Recibido', money(d.receivedAmount, d.currency, locale)]);
    rows.push([en ? 'Reason' : 'Motivo', d.reason]);
    return renderLayout({
      locale,
      brand: 'VITA',
      subject: en ? `Payment to review: order #${d.number}` : `Pago por revisar: pedido #${d.number}`,
      preheader: en ? 'A payment does not match its order.' : 'Un pago no coincide con su pedido.',
      blocks: [
        { kind: 'heading', text: en ? 'A payment needs review' : 'Un pago necesita revisión' },
        {
          kind: 'p',
          text: en
            ? `The payment for order #${d.number} at ${store} does not match what was due. The order stays on hold until it is resolved.`
            : `El pago del pedido #${d.number} de ${store} no coincide con lo que se debía. El pedido queda en espera hasta resolverlo.`,
        },
        { kind: 'rows', rows },
        {
          kind: 'button',
          label: en ? 'Open the order' : 'Abrir el pedido',
          href: d.storeId ? links.sellerOrder(appUrl, d.storeId, d.orderId) : links.dashboard(appUrl),
        },
      ],
      footer: sellerFooter(locale),
    });
  },
  { total: 'expectedAmount' },
);
