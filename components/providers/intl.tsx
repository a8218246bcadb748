import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Locale } from '@/server/i18n/config';
import { loadMessages, type Namespace } from '@/server/i18n/messages';

/**
 * Gives client components their messages. Pass `locale` on static pages (with staticLocale() called first) and
 * the namespaces the page's client components use, so cached pages ship only what they need; dynamic sections
 * omit `namespaces` and get all of them.
 */
export async function IntlProvider({ locale, namespaces, children }: { locale?: Locale; namespaces?: readonly Namespace[]; children: ReactNode }) {
  const l = (locale ?? (await getLocale())) as Locale;
  const messages = await loadMessages(l, namespaces);
  return (
    <NextIntlClientProvider locale={l} messages={messages} timeZone="America/Lima">
      <div lang={l} className="contents">
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
