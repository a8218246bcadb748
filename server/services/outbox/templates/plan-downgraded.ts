import { z } from 'zod';
import { defineTemplate, greeting, links, renderLayout, sellerFooter } from './layout';

export const ZPlanDowngradedData = z.object({
  name: z.string().max(200).optional(),
  planName: z.string().min(1).max(60).default('Pro'),
  /** What became read-only because it is beyond the Free plan's limits. */
  readOnlyStores: z.number().int().nonnegative().default(0),
  readOnlyProducts: z.number().int().nonnegative().default(0),
});
export type TPlanDowngradedData = z.input<typeof ZPlanDowngradedData>;

/** To the seller: Pro lapsed, back on Free, and what became read-only. */
export const planDowngraded = defineTemplate(ZPlanDowngradedData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const rows: [string, string][] = [];
  if (d.readOnlyStores) rows.push([en ? 'Read-only stores' : 'Tiendas en solo lectura', String(d.readOnlyStores)]);
  if (d.readOnlyProducts) rows.push([en ? 'Read-only products' : 'Productos en solo lectura', String(d.readOnlyProducts)]);
  return renderLayout({
    locale,
    brand: 'VITA',
    subject: en ? `Your ${d.planName} plan ended: you are on Free` : `Tu plan ${d.planName} terminó: ahora estás en Gratis`,
    preheader: en ? 'Nothing was deleted. Renew to edit everything again.' : 'No se borró nada. Renueva para volver a editar todo.',
    blocks: [
      { kind: 'heading', text: en ? 'You are back on the Free plan' : 'Volviste al plan Gratis' },
      { kind: 'p', text: greeting(d.name, locale) },
      {
        kind: 'p',
        text: en
          ? `Your ${d.planName} period ended without a renewal. Nothing was deleted: what exceeds the Free plan's limits stays visible but read-only.`
          : `Tu periodo ${d.planName} terminó sin renovación. No se borró nada: lo que supera los límites del plan Gratis sigue visible pero en solo lectura.`,
      },
      ...(rows.length ? [{ kind: 'rows' as const, rows }] : []),
      { kind: 'button', label: en ? `Renew ${d.planName}` : `Renovar ${d.planName}`, href: links.plan(appUrl) },
    ],
    footer: sellerFooter(locale),
  });
});
