/**
 * Canonical JSON: object keys sorted recursively (by UTF-16 code units, like JSON.stringify's callers expect),
 * compact, Unicode kept as is. Numbers print the way JSON.stringify prints them, so a whole-number float (`1.0` on
 * the wire) becomes `1` — DIDIT's `shortenFloats` step. Used for DIDIT's X-Signature-V2 and the audit-log hashes.
 * `asciiOnly` escapes everything above U+007F as \uXXXX (the "ASCII-escaped" reading of DIDIT's docs).
 */
export function canonicalJson(value: unknown, opts: { asciiOnly?: boolean } = {}): string {
  const out = JSON.stringify(sortKeys(value));
  if (out === undefined) throw new TypeError('value is not JSON-serialisable');
  return opts.asciiOnly ? out.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : out;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(src).sort()) {
      if (src[key] !== undefined) out[key] = sortKeys(src[key]);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in canonical JSON');
  return value;
}
