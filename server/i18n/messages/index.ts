/**
 * Message namespaces. Add yours with ONE line below and the two files `./es/<ns>.json` + `./en/<ns>.json`;
 * then `useTranslations('<ns>')` (client or server component) / `await getTranslations('<ns>')`.
 * Client components need their namespace passed to the nearest `<IntlProvider namespaces={[…]}>`
 * (components/providers/intl.tsx); the dynamic sections (dashboard, cart, checkout, orders, sign-in) pass all.
 */
import type { Locale } from '../config';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

export const namespaces = {
  common: { es: () => import('./es/common.json'), en: () => import('./en/common.json') },
  catalog: { es: () => import('./es/catalog.json'), en: () => import('./en/catalog.json') },
  pwa: { es: () => import('./es/pwa.json'), en: () => import('./en/pwa.json') },
  dashboard: { es: () => import('./es/dashboard.json'), en: () => import('./en/dashboard.json') },
  team: { es: () => import('./es/team.json'), en: () => import('./en/team.json') },
  trust: { es: () => import('./es/trust.json'), en: () => import('./en/trust.json') },
  live: { es: () => import('./es/live.json'), en: () => import('./en/live.json') },
  cart: { es: () => import('./es/cart.json'), en: () => import('./en/cart.json') },
  checkout: { es: () => import('./es/checkout.json'), en: () => import('./en/checkout.json') },
  orders: { es: () => import('./es/orders.json'), en: () => import('./en/orders.json') },
  auth: { es: () => import('./es/auth.json'), en: () => import('./en/auth.json') },
  search: { es: () => import('./es/search.json'), en: () => import('./en/search.json') },
  admin: { es: () => import('./es/admin.json'), en: () => import('./en/admin.json') },
  security: { es: () => import('./es/security.json'), en: () => import('./en/security.json') },
  chat: { es: () => import('./es/chat.json'), en: () => import('./en/chat.json') },
  crm: { es: () => import('./es/crm.json'), en: () => import('./en/crm.json') },
} satisfies Record<string, Record<Locale, Loader>>;

export type Namespace = keyof typeof namespaces;
export type Messages = Record<string, Record<string, unknown>>;

export async function loadMessages(locale: Locale, only?: readonly Namespace[]): Promise<Messages> {
  const names = only ?? (Object.keys(namespaces) as Namespace[]);
  const loaded = await Promise.all(names.map(async (ns) => [ns, (await namespaces[ns][locale]()).default] as const));
  return Object.fromEntries(loaded);
}
