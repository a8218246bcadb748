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
  // Error texts of the server (server/errors/messages.ts renders them; never sent to client components as a whole).
  errors: { es: () => import('./es/errors.json'), en: () => import('./en/errors.json') },
  // Form field messages (shared zod schemas) and the client's own error fallbacks (server/errors/validation.ts).
  validation: { es: () => import('./es/validation.json'), en: () => import('./en/validation.json') },
} satisfies Record<string, Record<Locale, Loader>>;

export type Namespace = keyof typeof namespaces;
export type Messages = Record<string, Record<string, unknown>>;

/** Namespaces rendered outside React (server/errors/*, which imports them itself): not loaded unless asked for by name. */
const notForComponents: readonly Namespace[] = ['errors', 'validation'];

export async function loadMessages(locale: Locale, only?: readonly Namespace[]): Promise<Messages> {
  const names = only ?? (Object.keys(namespaces) as Namespace[]).filter((ns) => !notForComponents.includes(ns));
  const loaded = await Promise.all(names.map(async (ns) => [ns, (await namespaces[ns][locale]()).default] as const));
  return Object.fromEntries(loaded);
}
