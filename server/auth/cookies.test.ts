import { describe, expect, it } from 'vitest';
import { cartSetCookie, readCartToken } from '../services/cart/cart-token';
import { clearSessionCookies, readSessionCookies, secureCookies, sessionSetCookies } from './cookies';

const tokens = { accessToken: 'a'.repeat(30), idToken: 'i'.repeat(30), refreshToken: 'r'.repeat(30) };

describe('cookie policy', () => {
  it('Secure and prefixed on https deployments; plain names only for a local http build', () => {
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'https://vita.example' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'http://localhost:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'development', APP_URL: 'http://localhost:3000' })).toBe(false);
  });

  it('over https: __Host- session and cart cookies (Secure, Path=/, no Domain), __Secure- refresh cookie scoped to /api/auth', () => {
    const set = sessionSetCookies(tokens, { secure: true });
    expect(set[0]).toBe(`__Host-vita_at=${tokens.accessToken}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure`);
    expect(set[1]).toMatch(/^__Host-vita_id=i+; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/);
    expect(set[2]).toMatch(/^__Secure-vita_rt=r+; Path=\/api\/auth; .*HttpOnly; SameSite=Lax; Secure$/);
    for (const c of set) expect(c).not.toMatch(/Domain=/i);
    expect(clearSessionCookies({ secure: true })[0]).toMatch(/^__Host-vita_at=; Path=\/; Max-Age=0/);
    const cart = cartSetCookie('t'.repeat(43), { secure: true });
    expect(cart).toMatch(/^__Host-vita_cart=t{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('reads only the names of its own mode (a plain cookie cannot shadow a prefixed one over https)', () => {
    const header = `vita_at=plain; __Host-vita_at=${tokens.accessToken}; __Host-vita_id=${tokens.idToken}; __Secure-vita_rt=${tokens.refreshToken}`;
    expect(readSessionCookies(header, true)).toEqual({ access: tokens.accessToken, id: tokens.idToken, refresh: tokens.refreshToken });
    expect(readSessionCookies('vita_at=x', true)).toEqual({ access: undefined, id: undefined, refresh: undefined });
    expect(readSessionCookies('vita_at=x; vita_rt=y', false)).toMatchObject({ access: 'x', refresh: 'y' });
    const t = 'c'.repeat(43);
    expect(readCartToken(`vita_cart=${t}`, true)).toBeNull();
    expect(readCartToken(`__Host-vita_cart=${t}`, true)).toBe(t);
    expect(readCartToken(`vita_cart=${t}`, false)).toBe(t);
  });
});
