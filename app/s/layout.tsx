import type { ReactNode } from 'react';
import { PublicShell } from '@/components/ui/public-shell';
import { staticLocale } from '@/server/i18n/static';

/** Spanish variant of the static public pages (English: app/en/**). */
export default function Layout({ children }: { children: ReactNode }) {
  return <PublicShell locale={staticLocale('es')}>{children}</PublicShell>;
}
