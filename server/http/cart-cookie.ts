import { secureCookies } from '../auth/cookies';
import { cartSetCookie, generateCartToken, readCartToken } from '../services/cart/cart-token';

/**
 * The guest cart token for an API request: the cookie's when it carries a valid one, otherwise a fresh token and
 * the Set-Cookie that hands it to the browser (so the first add-to-cart already lands in a cart the browser keeps).
 */
export function cartTokenFor(headers: Headers): { token: string; setCookie: string | null } {
  const existing = readCartToken(headers.get('cookie') ?? '');
  if (existing) return { token: existing, setCookie: null };
  const token = generateCartToken();
  return { token, setCookie: cartSetCookie(token, { secure: secureCookies() }) };
}
