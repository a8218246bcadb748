import { defaultLocale, type Locale } from '../i18n/config';
import { normalizeErrorText, renderErrorText, type ErrorKey, type ErrorText, type MessageParams } from './messages';
import { issueKey, issueMessage, type IssueLike } from './validation';

/** The one error type services throw. Mapped to a transport code in exactly one place (server/trpc/init.ts). */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'UPSTREAM_FAILED';

/**
 * A field message: a translatable error text, or `{ issue }` — a zod issue, translated like any rejected input
 * (its message is a `validation` key or zod's own text; server/errors/validation.ts).
 */
export type FieldText = ErrorText | { issue: IssueLike };

/** zod issues → `fields` for an AppError, keyed by path (the first issue of a path wins). */
export function issueFields(issues: readonly IssueLike[], prefix = ''): Record<string, FieldText> {
  const fields: Record<string, FieldText> = {};
  for (const issue of issues) fields[prefix + (issue.path.map(String).join('.') || '_')] ??= { issue };
  return fields;
}

type Text =
  /** What the user reads: a key of the `errors` namespace (server/i18n/messages/{es,en}/errors.json) and its params. */
  | { key: ErrorKey; params?: MessageParams; internal?: never }
  /**
   * A diagnostic for logs and operators only (a provider's raw answer): clients get the generic text of the code
   * (`errors.generic.upstream`, …) in their language instead.
   */
  | { internal: string; key?: never; params?: never };

export type AppErrorOptions = Text & {
  /** Field-level messages, keyed by input path ("slug", "variants.0.stock"). */
  fields?: Record<string, FieldText>;
  /** Extra machine-readable data for the client (e.g. a suggested slug, plan usage). */
  data?: Record<string, unknown>;
  cause?: unknown;
};

/** The text clients get for an AppError without a key of its own (an internal diagnostic). */
const GENERIC_KEY: Record<AppErrorCode, ErrorKey> = {
  BAD_REQUEST: 'generic.invalidInput',
  UNAUTHORIZED: 'auth.signInRequired',
  FORBIDDEN: 'auth.roleForbidden',
  NOT_FOUND: 'generic.internal',
  CONFLICT: 'generic.saveConflict',
  LIMIT_EXCEEDED: 'generic.internal',
  PAYLOAD_TOO_LARGE: 'generic.invalidInput',
  UNSUPPORTED_MEDIA_TYPE: 'generic.invalidInput',
  TOO_MANY_REQUESTS: 'generic.upstream',
  UPSTREAM_FAILED: 'generic.upstream',
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Stable message key for clients (`errors.<key>`); the generic one of the code for internal diagnostics. */
  readonly key: ErrorKey;
  readonly params?: MessageParams;
  /** True when `message` is an internal diagnostic (not shown to users as such). */
  readonly internal: boolean;
  readonly fieldTexts?: Record<string, FieldText>;
  readonly data?: Record<string, unknown>;

  /** `message` is the Spanish text (the default locale), as logs and existing callers read it. */
  constructor(code: AppErrorCode, opts: AppErrorOptions) {
    const key = opts.key ?? GENERIC_KEY[code];
    super(opts.internal ?? renderErrorText({ key, params: opts.params }), { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = opts.params;
    this.internal = opts.internal !== undefined;
    this.fieldTexts = opts.fields;
    this.data = opts.data;
  }

  /** Field messages in Spanish (the default locale). */
  get fields(): Record<string, string> | undefined {
    return this.fieldsIn(defaultLocale);
  }

  /** The message for a user of `locale`. */
  messageIn(locale: Locale): string {
    return renderErrorText({ key: this.key, params: this.params }, locale);
  }

  /** Field messages for a user of `locale`. */
  fieldsIn(locale: Locale): Record<string, string> | undefined {
    if (!this.fieldTexts) return undefined;
    return Object.fromEntries(
      Object.entries(this.fieldTexts).map(([path, text]) => [
        path,
        typeof text === 'object' && 'issue' in text ? issueMessage(text.issue, locale) : renderErrorText(normalizeErrorText(text), locale),
      ]),
    );
  }

  /** Field texts as keys (`errors.<key>`, `validation.<key>`, `zod.<code>`) + params, for API clients that translate themselves. */
  fieldKeys(): Record<string, { key: string; params?: MessageParams }> | undefined {
    if (!this.fieldTexts) return undefined;
    return Object.fromEntries(
      Object.entries(this.fieldTexts).map(([path, text]) => [path, typeof text === 'object' && 'issue' in text ? issueKey(text.issue) : prefixed(normalizeErrorText(text))]),
    );
  }
}

function prefixed(t: { key: ErrorKey; params?: MessageParams }): { key: string; params?: MessageParams } {
  return { key: `errors.${t.key}`, params: t.params };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
