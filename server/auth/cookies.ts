/**
 * The session lives in three HttpOnly cookies. Names are exported from here only, so nothing else spells them.
 * The refresh token is scoped to /api/auth: pages never receive it. The access and id cookies are kept as long as
 * the refresh cookie (the tokens inside expire sooner and are checked on every read), so an expired-but-present
 * access cookie tells a page that a refresh is worth trying.
 */
export const SESSION_COOKIE = { access: 'vita_at', id: 'vita_id', refresh: 'vita_rt' } as const;

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
  const cookies = [
    serialize(SESSION_COOKIE.access, tokens.accessToken, { ...opts, path: '/', maxAge: SESSION_MAX_AGE_S }),
    serialize(SESSION_COOKIE.id, tokens.idToken, { ...opts, path: '/', maxAge: SESSION_MAX_AGE_S }),
  ];
  if (tokens.refreshToken) {
    cookies.push(serialize(SESSION_COOKIE.refresh, tokens.refreshToken, { ...opts, path: REFRESH_COOKIE_PATH, maxAge: SESSION_MAX_AGE_S }));
  }
  return cookies;
}

export function clearSessionCookies(opts: CookieOptions): string[] {
  return [
    serialize(SESSION_COOKIE.access, '', { ...opts, path: '/', maxAge: 0 }),
    serialize(SESSION_COOKIE.id, '', { ...opts, path: '/', maxAge: 0 }),
    serialize(SESSION_COOKIE.refresh, '', { ...opts, path: REFRESH_COOKIE_PATH, maxAge: 0 }),
  ];
}
