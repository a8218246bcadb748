import { env } from '../env';
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

function secureCookies(): boolean {
  const e = env();
  // Same rule as the session cookies: `npm start` over http://localhost must still keep the cookie.
  const app = new URL(e.APP_URL);
  const localHttp = app.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(app.hostname);
  return e.NODE_ENV === 'production' && !localHttp;
}
