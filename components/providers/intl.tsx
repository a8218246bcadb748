import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { DocumentLang } from '@/components/providers/document-lang';
import { defaultLocale, type Locale } from '@/server/i18n/config';
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
 * A per-request page (no URL prefix) in a language other than its path's: the root layout rendered `<html lang>`
 * from the path, so correct it before the page is parsed further (the middleware's CSP nonce allows this script).
 */
async function RequestLangScript({ locale }: { locale: Locale }) {
  if (locale === defaultLocale) return null;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.documentElement.lang=${JSON.stringify(locale)}` }} />;
}

/**
 * Gives client components their messages. Pass `locale` on static pages (with staticLocale() called first) and
 * the scopes the page's client components use, so cached pages ship only what they need; dynamic sections
 * omit `namespaces` and get all of them. Also keeps `<html lang>` equal to the section's locale.
 */
export async function IntlProvider({ locale, namespaces, children }: { locale?: Locale; namespaces?: readonly MessageScope[]; children: ReactNode }) {
  const l = (locale ?? (await getLocale())) as Locale;
  const messages = await scoped(l, namespaces);
  return (
    <NextIntlClientProvider locale={l} messages={messages} timeZone="America/Lima">
      {locale ? null : <RequestLangScript locale={l} />}
      <DocumentLang locale={l} />
      <div lang={l} className="contents">
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
