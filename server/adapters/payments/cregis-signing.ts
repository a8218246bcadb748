/**
 * Cregis request/callback signing (INTEGRATIONS.md §2): drop `sign` and null/empty values, sort the keys, concatenate
 * key1value1key2value2…, PREPEND the API key, lowercase MD5 hex. Shared by the adapter and the local sandbox so both
 * sides of the contract sign the same way; the fixed vectors in cregis-signing.test.ts pin the rule itself.
 */
import crypto from 'node:crypto';

export type CregisParams = Record<string, unknown>;

/**
 * The wire text of one value. Numbers must be exact integers/decimals as sent (int64 ids beyond 2^53 cannot be
 * represented after JSON.parse, so they are refused rather than signed wrongly). Nested objects are sent as JSON
 * strings by contract, so an object here is a caller bug.
 */
function valueText(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
      throw new TypeError(`cregis: ${key} is not an exactly representable number`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  throw new TypeError(`cregis: ${key} must be a string, number or boolean (send nested objects as JSON strings)`);
}

/** The string that is hashed: API key + sorted key/value pairs, without `sign` and without null/empty values. */
export function cregisSigningString(params: CregisParams, apiKey: string): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== null && params[k] !== undefined && params[k] !== '')
    .sort();
  let out = apiKey;
  for (const k of keys) out += k + valueText(k, params[k]);
  return out;
}

export function cregisSign(params: CregisParams, apiKey: string): string {
  return crypto.createHash('md5').update(cregisSigningString(params, apiKey), 'utf8').digest('hex');
}

/** Constant-time check of `params.sign` against the recomputed signature. */
export function cregisSignatureValid(params: CregisParams, apiKey: string): boolean {
  const given = params.sign;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{32}$/.test(given)) return false;
  let expected: string;
  try {
    expected = cregisSign(params, apiKey);
  } catch {
    return false;
  }
  return crypto.timingSafeEqual(Buffer.from(given.toLowerCase(), 'ascii'), Buffer.from(expected, 'ascii'));
}

const NONCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Cregis' `nonce`: 6 random characters. */
export function cregisNonce(): string {
  const bytes = crypto.randomBytes(6);
  let out = '';
  for (const b of bytes) out += NONCE_ALPHABET[b % NONCE_ALPHABET.length];
  return out;
}

/** `pid` is an int64 on the wire; sent as a JSON number whenever it is exactly representable. */
export function cregisPidValue(pid: string): string | number {
  return /^\d+$/.test(pid) && Number.isSafeInteger(Number(pid)) ? Number(pid) : pid;
}

/** Adds pid, nonce, 13-digit timestamp and sign to `params`. */
export function signCregisBody(params: CregisParams, project: { pid: string; apiKey: string }, nowMs = Date.now()): CregisParams {
  const body: CregisParams = { ...params, pid: cregisPidValue(project.pid), nonce: cregisNonce(), timestamp: nowMs };
  body.sign = cregisSign(body, project.apiKey);
  return body;
}
