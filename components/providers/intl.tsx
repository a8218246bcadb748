import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/server/i18n/config';
import { loadMessages, type Messages, type Namespace } from '@/server/i18n/messages';

/** A namespace, or one top-level section of it ("catalog.offer"), to keep cached pages' payload small. */
export type MessageScope = Namespace | `${Namespace}.${string}`;

async function scoped(locale: Locale, scopes?: readonly MessageScope[]): Promise<Messages> {
  if (!scopes) return loadMessages(locale);
  const names = [...new Set(scopes.map((s) => s.split('.')[0] as Namespace))];
  const all = await loadMessages(locale, names);
  const out: Messages = {};
  for (const scope of scopes) {
    const [ns, section] = scope.split('.') as [Namespace, string | undefined];
    if (!section) out[ns] = all[ns]!;
    else out[ns] = { ...(out[ns] ?? {}), [section]: all[ns]?.[section] };
  }
  return out;
}

/**
 * Gives client components their messages. Pass `locale` on static pages (with staticLocale() called first) and
 * the scopes the page's client components use, so cached pages ship only what they need; dynamic sections
 * omit `namespaces` and get all of them.
 */
export async function IntlProvider({ locale, namespaces, children }: { locale?: Locale; namespaces?: readonly MessageScope[]; children: ReactNode }) {
  const l = (locale ?? (await getLocale())) as Locale;
  const messages = await scoped(l, namespaces);
  return (
    <NextIntlClientProvider locale={l} messages={messages} timeZone="America/Lima">
      <div lang={l} className="contents">
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
