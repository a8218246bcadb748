import { z } from 'zod';
import { defineTemplate, formatDate, greeting, links, money, renderLayout, sellerFooter, ZAmount, ZCurrency } from './layout';

export const ZPlanRenewalReminderData = z.object({
  name: z.string().max(200).optional(),
  planName: z.string().min(1).max(60).default('Pro'),
  periodEnd: z.coerce.date(),
  amount: ZAmount,
  currency: ZCurrency,
});
export type TPlanRenewalReminderData = z.input<typeof ZPlanRenewalReminderData>;

/** To the seller: the paid period ends soon; renewing is a new payment. */
export const planRenewalReminder = defineTemplate(ZPlanRenewalReminderData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const until = formatDate(d.periodEnd, locale);
  const price = money(d.amount, d.currency, locale);
  return renderLayout({
    locale,
    brand: 'VITA',
    subject: en ? `Your ${d.planName} plan ends on ${until}` : `Tu plan ${d.planName} vence el ${until}`,
    preheader: en ? `Renew for ${price} to keep everything editable.` : `Renueva por ${price} para seguir editando todo.`,
    blocks: [
      { kind: 'heading', text: en ? 'Your plan ends soon' : 'Tu plan vence pronto' },
      { kind: 'p', text: greeting(d.name, locale) },
      {
        kind: 'p',
        text: en
          ? `Your ${d.planName} plan is paid until ${until}. Renew it for ${price} to keep your stores and products beyond the Free plan's limits editable.`
          : `Tu plan ${d.planName} está pagado hasta el ${until}. Renuévalo por ${price} para que tus tiendas y productos que superan los límites del plan Gratis sigan editables.`,
      },
      { kind: 'button', label: en ? 'Renew now' : 'Renovar ahora', href: links.plan(appUrl) },
    ],
    footer: sellerFooter(locale),
  });
});
