import crypto from 'node:crypto';
import { parseCookieHeader, secureCookies } from '../../auth/cookies';

/** The guest cart's cookie. Exported from here only, so nothing else spells it. `__Host-` over https (see auth/cookies). */
export const CART_COOKIE = 'vita_cart';
export const SECURE_CART_COOKIE = '__Host-vita_cart';
const cartCookieName = (secure: boolean) => (secure ? SECURE_CART_COOKIE : CART_COOKIE);

/** 90 days: a guest who comes back within a season still finds their cart. */
export const CART_COOKIE_MAX_AGE_S = 90 * 24 * 60 * 60;

/** 32 random bytes, base64url (43 characters). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function generateCartToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The cart token the request carries; null when absent or not one we could have issued. */
export function readCartToken(cookieHeader: string, secure = secureCookies()): string | null {
  const value = parseCookieHeader(cookieHeader).get(cartCookieName(secure));
  return value && TOKEN_SHAPE.test(value) ? value : null;
}

export function cartSetCookie(token: string, opts: { secure: boolean }): string {
  const parts = [`${cartCookieName(opts.secure)}=${token}`, 'Path=/', `Max-Age=${CART_COOKIE_MAX_AGE_S}`, 'HttpOnly', 'SameSite=Lax'];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
