import type { Metadata } from 'next';
import type { Locale } from './config';
import { alternates, localizedPath } from './paths';

/** Canonical URL of this language's page + hreflang links to both languages (x-default: Spanish). */
export function localeAlternates(locale: Locale, path: string): NonNullable<Metadata['alternates']> {
  const both = alternates(path);
  return { canonical: localizedPath(locale, path), languages: { es: both.es, en: both.en, 'x-default': both.es } };
}

export const OG_LOCALE: Record<Locale, string> = { es: 'es_419', en: 'en_US' };
