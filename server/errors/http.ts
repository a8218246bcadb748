/**
 * JSON error bodies of route handlers (auth, MFA, uploads, …) in the caller's language, with the same stable key as
 * tRPC errors: `{ error: { code, key: "errors.<key>", message, …extra } }`.
 */
import type { Locale } from '../i18n/config';
import { errorText, type ErrorKey, type MessageParams } from './messages';

export function errorBody(locale: Locale, code: string, key: ErrorKey, params?: MessageParams, extra: Record<string, unknown> = {}) {
  return { error: { code, key: `errors.${key}`, message: errorText(key, params, locale), ...extra } };
}
