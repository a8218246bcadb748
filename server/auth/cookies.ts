import { env } from '../env';

/**
 * The session lives in three HttpOnly cookies. Names are exported from here only, so nothing else spells them.
 * The refresh token is scoped to /api/auth: pages never receive it. The access and id cookies are kept as long as
 * the refresh cookie (the tokens inside expire sooner and are checked on every read), so an expired-but-present
 * access cookie tells a page that a refresh is worth trying.
 */
export const SESSION_COOKIE = { access: 'vita_at', id: 'vita_id', refresh: 'vita_rt' } as const;

/**
 * Over https the cookies carry the browser-enforced prefixes: `__Host-` (Secure, Path=/, no Domain: no subdomain can
 * set or shadow them) and `__Secure-` for the refresh cookie (it needs Path=/api/auth, which `__Host-` forbids).
 * Local http (`npm run dev` / `npm start` on http://localhost) keeps the plain names: prefixed cookies require
 * Secure, which browsers other than Chromium refuse over http.
 */
export const SECURE_SESSION_COOKIE = { access: '__Host-vita_at', id: '__Host-vita_id', refresh: '__Secure-vita_rt' } as const;

export function sessionCookieNames(secure: boolean): { access: string; id: string; refresh: string } {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Secure (and prefixed) cookies everywhere except a production build served over local http. */
export function secureCookies(e: { NODE_ENV: string; APP_URL: string } = env()): boolean {
  const app = new URL(e.APP_URL);
  const localHttp = app.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(app.hostname);
  return e.NODE_ENV === 'production' && !localHttp;
}

/** The session cookies of a request, under the names this deployment uses (never the other set). */
export function readSessionCookies(cookieHeader: string, secure = secureCookies()): { access?: string; id?: string; refresh?: string } {
  const names = sessionCookieNames(secure);
  const cookies = parseCookieHeader(cookieHeader);
  return { access: cookies.get(names.access), id: cookies.get(names.id), refresh: cookies.get(names.refresh) };
}

export const REFRESH_COOKIE_PATH = '/api/auth';

/** Cognito's default refresh token validity. */
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export type CookieOptions = { secure: boolean };

/** Parses a Cookie request header; the first occurrence of a name wins (as in browsers' most specific path). */
export function parseCookieHeader(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(raw));
    } catch {
      out.set(name, raw);
    }
  }
  return out;
}

function serialize(name: string, value: string, opts: CookieOptions & { path: string; maxAge: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path}`, `Max-Age=${opts.maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Set-Cookie values for a fresh session; the refresh cookie only when a refresh token is given. */
export function sessionSetCookies(tokens: { accessToken: string; idToken: string; refreshToken?: string }, opts: CookieOptions): string[] {
  const names = sessionCookieNames(opts.secure);
  const cookies = [
    serialize(names.access, tokens.accessToken, { ...opts, path: '/', maxAge: SESSION_MAX_AGE_S }),
    serialize(names.id, tokens.idToken, { ...opts, path: '/', maxAge: SESSION_MAX_AGE_S }),
  ];
  if (tokens.refreshToken) {
    cookies.push(serialize(names.refresh, tokens.refreshToken, { ...opts, path: REFRESH_COOKIE_PATH, maxAge: SESSION_MAX_AGE_S }));
  }
  return cookies;
}

export function clearSessionCookies(opts: CookieOptions): string[] {
  const names = sessionCookieNames(opts.secure);
  return [
    serialize(names.access, '', { ...opts, path: '/', maxAge: 0 }),
    serialize(names.id, '', { ...opts, path: '/', maxAge: 0 }),
    serialize(names.refresh, '', { ...opts, path: REFRESH_COOKIE_PATH, maxAge: 0 }),
  ];
}
