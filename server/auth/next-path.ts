const BASE = 'http://vita.invalid';

/**
 * Where to send the user after signing in or refreshing: only a path on this site. Anything else (absolute or
 * protocol-relative URLs, backslash tricks, control characters, the auth routes themselves) becomes `fallback`.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/dashboard'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // Browsers read "\" as "/" in URLs ("/\evil.com" is protocol-relative); control characters are stripped by them.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (url.pathname.startsWith('/api/auth') || url.pathname === '/ingresar') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
