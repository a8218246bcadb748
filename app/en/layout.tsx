import type { ReactNode } from 'react';
import { PublicShell } from '@/components/ui/public-shell';
import { staticLocale } from '@/server/i18n/static';

/**
 * English variant of the static public pages (/en, /en/s/<store>, /en/s/<store>/p/<product>, /en/c/<category>).
 * Same components as the Spanish pages, rendered with locale "en" at build/revalidate time — never per request.
 */
export default function EnglishLayout({ children }: { children: ReactNode }) {
  return <PublicShell locale={staticLocale('en')}>{children}</PublicShell>;
}
