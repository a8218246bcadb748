import { z } from 'zod';
import { defineTemplate, formatDate, greeting, links, money, renderLayout, sellerFooter, ZAmount, ZCurrency } from './layout';

export const ZPlanActivatedData = z.object({
  name: z.string().max(200).optional(),
  planName: z.string().min(1).max(60).default('Pro'),
  periodEnd: z.coerce.date(),
  amount: ZAmount.optional(),
  currency: ZCurrency.optional(),
});
export type TPlanActivatedData = z.input<typeof ZPlanActivatedData>;

/** To the seller: the plan is active until … */
export const planActivated = defineTemplate(ZPlanActivatedData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const until = formatDate(d.periodEnd, locale);
  const rows: [string, string][] = [
    [en ? 'Plan' : 'Plan', d.planName],
    [en ? 'Active until' : 'Activo hasta', until],
  ];
  if (d.amount !== undefined && d.currency) rows.push([en ? 'Paid' : 'Pagado', money(d.amount, d.currency, locale)]);
  return renderLayout({
    locale,
    brand: 'VITA',
    subject: en ? `Your ${d.planName} plan is active until ${until}` : `Tu plan ${d.planName} está activo hasta el ${until}`,
    preheader: en ? 'Thank you for your payment.' : 'Gracias por tu pago.',
    blocks: [
      { kind: 'heading', text: en ? `Welcome to ${d.planName}` : `Bienvenido a ${d.planName}` },
      { kind: 'p', text: greeting(d.name, locale) },
      {
        kind: 'p',
        text: en
          ? `Your payment was confirmed and your ${d.planName} plan is active. Everything that was read-only is editable again.`
          : `Confirmamos tu pago y tu plan ${d.planName} está activo. Todo lo que estaba en solo lectura vuelve a ser editable.`,
      },
      { kind: 'rows', rows },
      { kind: 'button', label: en ? 'View your plan' : 'Ver tu plan', href: links.plan(appUrl) },
    ],
    footer: sellerFooter(locale),
  });
});
