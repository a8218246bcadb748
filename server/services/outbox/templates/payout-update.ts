import { z } from 'zod';
import { defineTemplate, links, money, renderLayout, sellerFooter, ZAmount, ZCurrency } from './layout';

export const ZPayoutUpdateData = z.object({
  storeId: z.uuid(),
  storeName: z.string().min(1).max(200),
  /** The payout's final state (callers may call it `state`); rejected is a failure decided by a person. */
  status: z.enum(['paid', 'failed', 'rejected']),
  amount: ZAmount,
  currency: ZCurrency,
  network: z.string().max(40).nullish(),
  /** The destination address as the seller entered it. */
  address: z.string().max(200).nullish(),
  /** For a failed payout: what went wrong, in words the seller can act on. Callers may call it `failureReason`. */
  reason: z.string().max(500).nullish(),
});
export type TPayoutUpdateData = z.input<typeof ZPayoutUpdateData>;

function maskAddress(a: string): string {
  return a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-6)}` : a;
}

/** To the store's owner: a payout was paid, or failed and the money is back in the balance. */
export const payoutUpdate = defineTemplate(
  ZPayoutUpdateData,
  (d, { locale, appUrl }) => {
    const en = locale === 'en';
    const amount = money(d.amount, d.currency, locale);
    const paid = d.status === 'paid';
    const rows: [string, string][] = [[en ? 'Amount' : 'Monto', amount]];
    if (d.address) rows.push([en ? 'Destination' : 'Destino', `${maskAddress(d.address)}${d.network ? ` (${d.network})` : ''}`]);
    if (!paid && d.reason) rows.push([en ? 'Reason' : 'Motivo', d.reason]);
    return renderLayout({
      locale,
      brand: 'VITA',
      subject: paid ? (en ? `Payout of ${amount} sent` : `Retiro de ${amount} enviado`) : en ? `Payout of ${amount} not completed` : `El retiro de ${amount} no se completó`,
      preheader: d.storeName,
      blocks: [
        { kind: 'heading', text: paid ? (en ? 'Your payout was sent' : 'Tu retiro fue enviado') : en ? 'Your payout was not completed' : 'Tu retiro no se completó' },
        {
          kind: 'p',
          text: paid
            ? en
              ? `We sent ${amount} from ${d.storeName}'s balance.`
              : `Enviamos ${amount} del saldo de ${d.storeName}.`
            : en
              ? `The payout of ${amount} from ${d.storeName} was not completed. The money is back in your available balance.`
              : `El retiro de ${amount} de ${d.storeName} no se completó. El dinero volvió a tu saldo disponible.`,
        },
        { kind: 'rows', rows },
        { kind: 'button', label: en ? 'Open your wallet' : 'Abrir tu billetera', href: links.wallet(appUrl, d.storeId) },
      ],
      footer: sellerFooter(locale),
    });
  },
  { state: 'status', failureReason: 'reason' },
);
