/**
 * SHA-256 of a UTF-8 string, synchronously, as base64 — the form a CSP `'sha256-…'` source takes. Web Crypto's
 * digest is async and the CSP is composed synchronously in the middleware (Edge runtime, no node:crypto), so the
 * digest comes from @noble/hashes (audited, dependency-free, runs on Edge); checked against node:crypto in
 * sha256.test.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export function sha256Base64(text: string): string {
  const digest = sha256(new TextEncoder().encode(text));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
