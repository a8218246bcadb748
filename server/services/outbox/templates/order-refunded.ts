import { z } from 'zod';
import { buyerFooter, defineTemplate, greeting, links, money, renderLayout, storeWord, ZAmount, ZCurrency, ZOrderBase } from './layout';

export const ZOrderRefundedData = ZOrderBase.extend({
  currency: ZCurrency,
  /** This refund (minor units). Callers may call it `amount`. */
  refundedAmount: ZAmount.refine((n) => n > 0, 'must be positive'),
  /** All refunded on the order so far, this one included. */
  refundedTotal: ZAmount.optional(),
  reason: z.string().max(500).nullish(),
});
export type TOrderRefundedData = z.input<typeof ZOrderRefundedData>;

/** To the buyer: money returned (all or part). */
export const orderRefunded = defineTemplate(
  ZOrderRefundedData,
  (d, { locale, appUrl }) => {
    const en = locale === 'en';
    const store = storeWord(d.storeName, locale);
    const amount = money(d.refundedAmount, d.currency, locale);
    const full = d.total !== undefined && (d.refundedTotal ?? d.refundedAmount) >= d.total;
    const scope =
      d.total === undefined ? '' : full ? (en ? ' (the whole order)' : ' (el pedido completo)') : en ? ` (order total ${money(d.total, d.currency, locale)})` : ` (total del pedido ${money(d.total, d.currency, locale)})`;
    return renderLayout({
      locale,
      brand: d.storeName ?? 'VITA',
      subject: en ? `Refund of ${amount} for order #${d.number}` : `Reembolso de ${amount} del pedido #${d.number}`,
      preheader: en ? `${store} refunded ${amount}.` : `${store} te reembolsó ${amount}.`,
      blocks: [
        { kind: 'heading', text: en ? 'Refund issued' : 'Reembolso emitido' },
        { kind: 'p', text: greeting(d.buyerName, locale) },
        {
          kind: 'p',
          text: en
            ? `${store} refunded ${amount} of your order #${d.number}${scope}. It goes back through the payment method you used.`
            : `${store} reembolsó ${amount} de tu pedido #${d.number}${scope}. Vuelve por el medio de pago que usaste.`,
        },
        ...(d.reason ? [{ kind: 'rows' as const, rows: [[en ? 'Reason' : 'Motivo', d.reason] as [string, string]] }] : []),
        { kind: 'link', label: en ? 'View your order' : 'Ver tu pedido', href: links.order(appUrl, d.orderId, d.accessToken) },
      ],
      footer: buyerFooter(d.storeName, locale),
    });
  },
  { amount: 'refundedAmount' },
);
