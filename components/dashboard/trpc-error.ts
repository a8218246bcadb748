import { TRPCClientError } from '@trpc/client';
import { documentLocale, issueMessage, issuesToFieldMessages, validationText, type IssueLike } from '@/server/errors/validation';
import type { Locale } from '@/server/i18n/config';

/**
 * What the server's errorFormatter puts in `error.data` (see server/trpc/init.ts). The server writes `message` and
 * `fields` in the caller's language (NEXT_LOCALE cookie → Accept-Language); `key` is the stable message key.
 */
export type TAppErrorInfo = {
  message: string;
  /** tRPC code: BAD_REQUEST, CONFLICT, FORBIDDEN, … */
  code?: string;
  /** AppError code: LIMIT_EXCEEDED, CONFLICT, BAD_REQUEST, … */
  appCode?: string;
  /** Stable message key ("errors.store.slugTaken"); absent for errors that are not ours. */
  key?: string;
  /** Field path ("slug", "variants.0.stock") → message. */
  fields: Record<string, string>;
  details?: Record<string, unknown>;
};

/**
 * Reads a mutation/query error into a plain shape the forms can use; network failures get a friendly message in the
 * page's language (`locale`, by default `<html lang>`).
 */
export function appErrorOf(err: unknown, locale: Locale = documentLocale()): TAppErrorInfo {
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as {
      code?: string;
      appCode?: string;
      key?: string;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    };
    const network = !err.data && /fetch|network/i.test(err.message);
    return {
      message: network ? validationText('client.offline', undefined, locale) : err.message,
      code: data.code,
      appCode: data.appCode,
      key: data.key,
      fields: data.fields ?? {},
      details: data.details ?? undefined,
    };
  }
  return { message: validationText('client.unknown', undefined, locale), fields: {} };
}

export type TLimitDetails = { resource: 'stores' | 'activeProducts'; limit: number; usage: number; plan: string };

export function limitDetailsOf(info: TAppErrorInfo): TLimitDetails | null {
  if (info.appCode !== 'LIMIT_EXCEEDED') return null;
  const d = info.details as Partial<TLimitDetails> | undefined;
  return {
    resource: d?.resource === 'stores' ? 'stores' : 'activeProducts',
    limit: Number(d?.limit ?? 0),
    usage: Number(d?.usage ?? 0),
    plan: String(d?.plan ?? 'free'),
  };
}

/**
 * zod issues (client-side check with the shared schema) → the same path → message map the server sends, in the
 * page's language (the schemas name their messages by key: server/errors/validation.ts).
 */
export function issuesToFields(issues: readonly IssueLike[], locale: Locale = documentLocale()): Record<string, string> {
  return issuesToFieldMessages(issues, locale);
}

/** react-hook-form errors with each `message` that is a validation key written in the page's language. */
export function localizeFieldErrors<T>(errors: T, locale: Locale = documentLocale()): T {
  if (!errors || typeof errors !== 'object') return errors;
  const out: Record<string, unknown> = Array.isArray(errors) ? ([...errors] as unknown as Record<string, unknown>) : { ...(errors as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    if (k === 'ref') continue;
    if (k === 'message' && typeof v === 'string') out[k] = issueMessage({ path: [], message: v }, locale);
    else if (v && typeof v === 'object') out[k] = localizeFieldErrors(v, locale);
  }
  return out as T;
}

/** A react-hook-form resolver (e.g. zodResolver over a shared schema) whose field messages are in the page's language. */
export function withLocalizedMessages<A extends unknown[], R extends { errors: object }>(resolver: (...args: A) => Promise<R> | R): (...args: A) => Promise<R> {
  return async (...args) => {
    const result = await resolver(...args);
    return { ...result, errors: localizeFieldErrors(result.errors) };
  };
}
