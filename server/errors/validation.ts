/**
 * Field messages of the shared zod schemas in the user's language. Client-safe (no server imports): the dashboard
 * forms run the same schemas in the browser (components/dashboard/trpc-error.ts) and the tRPC errorFormatter
 * translates the issues of a rejected input (server/trpc/init.ts).
 *
 * A schema names its message by key of the `validation` namespace (server/i18n/messages/{es,en}/validation.json):
 * `.max(60, vmsg('maxChars', { maximum: 60 }))`. `vmsg` returns the Spanish text — so a ZodError reads as before in
 * logs, tests and anything that shows it untranslated — and remembers which key + params wrote it, so the text can
 * be written in another language later (`issueMessage`). Messages zod writes itself (no custom one in the schema)
 * are rewritten with zod's own locale for the user's language.
 */
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { defaultLocale, isLocale, type Locale } from '../i18n/config';
import enValidation from '../i18n/messages/en/validation.json';
import esValidation from '../i18n/messages/es/validation.json';

type MessageKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : MessageKeys<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ValidationKey = MessageKeys<typeof esValidation>;

type Params = Record<string, string | number>;

/** Spanish text → the key (and params) that wrote it; filled as schemas are built. */
const written = new Map<string, { key: ValidationKey; params?: Params }>();

/**
 * A schema's message: the Spanish text of `key` (typed, so a key missing from the catalog does not compile),
 * remembered so `issueMessage` can write it in the reader's language.
 */
export function vmsg(key: ValidationKey, params?: Params): string {
  const text = validationText(key, params, 'es');
  if (!written.has(text)) written.set(text, { key, params });
  return text;
}

/** The key and params behind a message `vmsg` wrote (or a bare key); undefined for any other text. */
export function validationKeyOf(message: string): { key: ValidationKey; params?: Params } | undefined {
  return written.get(message) ?? (isValidationKey(message) ? { key: message } : undefined);
}

/** The page's language in a browser (`<html lang>`, kept in step by the IntlProvider); Spanish elsewhere. */
export function documentLocale(): Locale {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : defaultLocale;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

function translator(locale: Locale, messages: Record<string, unknown>): Translate {
  const t = createTranslator({ locale, messages: messages as never, onError: () => {}, getMessageFallback: ({ key }) => key }) as unknown as Translate;
  return (key, params) => t(key, params);
}

const catalogs = { es: esValidation, en: enValidation } as const;
const translators: Record<Locale, Translate> = { es: translator('es', esValidation), en: translator('en', enValidation) };

function has(catalog: unknown, key: string): boolean {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

export function isValidationKey(key: unknown): key is ValidationKey {
  return typeof key === 'string' && has(catalogs.es, key);
}

export function validationText(key: ValidationKey, params?: Record<string, string | number>, locale: Locale = defaultLocale): string {
  return translators[locale](key, params);
}

/** The parts of a zod issue this module reads (final issues, client or server). */
export type IssueLike = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code?: string };

const zodLocales = { es: z.locales.es(), en: z.locales.en() } as const;

/** A value of the type zod's English message says it received ("… received string"), to re-render the message. */
const RECEIVED: Record<string, unknown> = { string: '', number: 0, boolean: false, undefined: undefined, null: null, object: {}, array: [], nan: Number.NaN, date: new Date(0), bigint: BigInt(0) };

function zodDefault(issue: IssueLike, locale: Locale): string | undefined {
  const raw = { ...issue } as Record<string, unknown>;
  if (issue.code === 'invalid_type' && !('input' in raw)) {
    const received = /received (\w+)$/.exec(issue.message)?.[1];
    if (received && received in RECEIVED) raw.input = RECEIVED[received];
  }
  const out = zodLocales[locale].localeError(raw as never);
  return typeof out === 'string' ? out : out?.message;
}

/**
 * One issue's message for a user of `locale`: a `vmsg` text (or bare key) → its text (params from the issue); zod's own
 * English message → zod's message in that language; anything else (a text we do not own) unchanged.
 */
export function issueMessage(issue: IssueLike, locale: Locale = defaultLocale): string {
  const extra = issue as IssueLike & { minimum?: unknown; maximum?: unknown; params?: unknown };
  const ours = validationKeyOf(issue.message);
  if (ours) {
    const params: Record<string, string | number> = { ...ours.params };
    // A custom issue's own params (ctx.addIssue({ …, params })).
    if (extra.params && typeof extra.params === 'object') Object.assign(params, extra.params);
    for (const name of ['minimum', 'maximum'] as const) {
      const v = extra[name];
      if (typeof v === 'number' || typeof v === 'string') params[name] = v;
      else if (typeof v === 'bigint') params[name] = v.toString();
    }
    return validationText(ours.key, params, locale);
  }
  if (issue.code && zodDefault(issue, 'en') === issue.message) return zodDefault(issue, locale) ?? issue.message;
  return issue.message;
}

/** zod issues → { "variants.0.stock": "message" } in `locale`: the first issue of each path wins. */
/** A stable key for an issue's message: `validation.<key>` for ours, `zod.<issue code>` for zod's own. */
export function issueKey(issue: IssueLike): { key: string; params?: Params } {
  const ours = validationKeyOf(issue.message);
  return ours ? { key: `validation.${ours.key}`, params: ours.params } : { key: `zod.${issue.code ?? 'custom'}` };
}

export function issuesToFieldMessages(issues: readonly IssueLike[], locale: Locale = defaultLocale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issueMessage(issue, locale);
  }
  return fields;
}
