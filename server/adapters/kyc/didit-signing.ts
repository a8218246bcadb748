/**
 * DIDIT webhook signatures (INTEGRATIONS.md §1). Shared by the verifier and the local sandbox, so both sides sign
 * the same bytes.
 * - X-Signature: HMAC-SHA256 hex of the raw request bytes.
 * - X-Signature-V2: HMAC-SHA256 hex of the re-canonicalised JSON (sorted keys, compact, whole floats as ints).
 *   The docs conflict on two details (ASCII-escaped or Unicode; with or without a "{timestamp}:" prefix), so the
 *   verifier accepts any of those four forms; all are keyed with the secret, so none is weaker than another.
 * - X-Signature-Simple covers neither the decision nor the body: never accepted on its own.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../../crypto/canonical-json';

export const hmacHex = (secret: string, data: string | Buffer) => crypto.createHmac('sha256', secret).update(data).digest('hex');

/** Constant-time comparison of two hex digests (false for malformed or different lengths). */
export function hexEqual(a: string, b: string): boolean {
  if (!/^[0-9a-f]+$/i.test(a) || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a.toLowerCase(), 'hex'), Buffer.from(b.toLowerCase(), 'hex'));
}

export function signRaw(secret: string, raw: string): string {
  return hmacHex(secret, Buffer.from(raw, 'utf8'));
}

export function signV2(secret: string, body: unknown): string {
  return hmacHex(secret, canonicalJson(body));
}

/** The candidate strings X-Signature-V2 may have been computed over. */
function v2Candidates(body: unknown, timestamp: string): string[] {
  const unicode = canonicalJson(body);
  const ascii = canonicalJson(body, { asciiOnly: true });
  const forms = unicode === ascii ? [unicode] : [unicode, ascii];
  return [...forms, ...forms.map((f) => `${timestamp}:${f}`)];
}

export function v2SignatureValid(secret: string, body: unknown, timestamp: string, signature: string): boolean {
  let ok = false;
  // Check every form (no early exit) so timing does not reveal which one matched.
  for (const c of v2Candidates(body, timestamp)) ok = hexEqual(hmacHex(secret, c), signature) || ok;
  return ok;
}

export function rawSignatureValid(secret: string, raw: string, signature: string): boolean {
  return hexEqual(signRaw(secret, raw), signature);
}
