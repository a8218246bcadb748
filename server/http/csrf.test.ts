import { describe, expect, it } from 'vitest';
import { POST } from '../../app/api/trpc/[trpc]/route';
import { assertJsonBody, assertSameOrigin } from './csrf';

const URL_ = 'http://127.0.0.1:3000/api/trpc/cart.add';
const body = JSON.stringify({ json: { variantId: '00000000-0000-4000-8000-000000000000', qty: 1 } });
const req = (headers: Record<string, string>, method = 'POST') => new Request(URL_, { method, headers: { host: '127.0.0.1:3000', ...headers }, body: method === 'GET' ? undefined : body });

describe('CSRF checks', () => {
  it('lets same-origin browsers, same-host Origin and cookie-less non-browser clients through', () => {
    expect(assertSameOrigin(req({ 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(assertSameOrigin(req({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(assertSameOrigin(req({}))).toBeNull();
    expect(assertSameOrigin(req({ 'sec-fetch-site': 'cross-site' }, 'GET'))).toBeNull();
  });

  it('refuses cross-site and same-site-but-other-origin writes', () => {
    expect(assertSameOrigin(req({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))?.status).toBe(403);
    expect(assertSameOrigin(req({ 'sec-fetch-site': 'same-site', origin: 'http://shop.127.0.0.1:3000' }))?.status).toBe(403);
    expect(assertSameOrigin(req({ origin: 'https://evil.example' }))?.status).toBe(403);
    expect(assertSameOrigin(req({ origin: 'null' }))?.status).toBe(403);
  });

  it('accepts only JSON bodies on writes (no form-encoded or text/plain cross-site forms)', () => {
    expect(assertJsonBody(req({ 'content-type': 'application/json' }))).toBeNull();
    expect(assertJsonBody(req({ 'content-type': 'application/json; charset=utf-8' }))).toBeNull();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      expect(assertJsonBody(req(type ? { 'content-type': type } : {}))?.status).toBe(415);
    }
    expect(assertJsonBody(req({}, 'GET'))).toBeNull();
  });

  it('the tRPC route applies both before any procedure runs', async () => {
    const cross = await POST(req({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', 'content-type': 'application/json' }));
    expect(cross.status).toBe(403);
    const plain = await POST(req({ 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }));
    expect(plain.status).toBe(415);
  });
});
