/**
 * Error texts in the user's language. Errors carry a stable key (+ ICU params) instead of prose; the texts live in
 * the `errors` namespace (server/i18n/messages/{es,en}/errors.json) and are rendered for a locale here, synchronously,
 * so the tRPC errorFormatter and route handlers can translate without awaiting anything.
 *
 * Keys are typed from the Spanish file: a key that is not in it does not compile (and the parity test keeps the
 * English file in step).
 */
import { createTranslator } from 'use-intl/core';
import { defaultLocale, type Locale } from '../i18n/config';
import enErrors from '../i18n/messages/en/errors.json';
import esErrors from '../i18n/messages/es/errors.json';

/** "a.b.c" for every string leaf of a messages object. */
export type MessageKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : MessageKeys<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ErrorKey = MessageKeys<typeof esErrors>;
export type MessageParams = Record<string, string | number>;
/** A translatable text: a key, or a key with its ICU params. */
export type ErrorText = ErrorKey | { key: ErrorKey; params?: MessageParams };

type Catalog = Record<string, unknown>;
type Translate = (key: string, params?: MessageParams) => string;

/** Every string leaf of a catalog as "a.b.c" → text. */
export function flattenMessages(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flattenMessages(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** A synchronous translator for one catalog and locale; a missing key or a broken message shows the key, never throws. */
export function catalogTranslator(locale: Locale, messages: Catalog): Translate {
  const t = createTranslator({
    locale,
    messages: messages as never,
    onError: () => {},
    getMessageFallback: ({ key }) => key,
  }) as unknown as Translate;
  return (key, params) => t(key, params);
}

const translators: Record<Locale, Translate> = {
  es: catalogTranslator('es', esErrors),
  en: catalogTranslator('en', enErrors),
};

const esKeys = flattenMessages(esErrors);

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && esKeys.has(key);
}

/** The text of an error key in a locale (Spanish unless told otherwise). */
export function errorText(key: ErrorKey, params?: MessageParams, locale: Locale = defaultLocale): string {
  return translators[locale](key, params);
}

export function normalizeErrorText(text: ErrorText): { key: ErrorKey; params?: MessageParams } {
  return typeof text === 'string' ? { key: text } : text;
}

export function renderErrorText(text: ErrorText, locale: Locale = defaultLocale): string {
  const { key, params } = normalizeErrorText(text);
  return errorText(key, params, locale);
}
