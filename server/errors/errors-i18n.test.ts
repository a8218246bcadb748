import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { assertJsonBody, assertSameOrigin } from '../http/csrf';
import { logger } from '../log/logger';
import { ZCreateStoreInput } from '../services/stores/schemas';
import { createTestUser, testDb } from '../testing/db';
import { localeOf } from '../trpc/context';
import { appRouter } from '../trpc/root';
import { AppError } from './app-error';
import { issuesToFieldMessages } from './validation';

const db = testDb();
let n = 0;
const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

type ErrorBody = {
  message: string;
  data: { code: string; appCode?: string; key?: string; params?: Record<string, unknown>; fields?: Record<string, string>; fieldKeys?: Record<string, { key: string }>; details?: Record<string, unknown> };
};

/**
 * One tRPC mutation over HTTP, as the browser sends it (the errorFormatter runs only there), acting as `user`; the
 * context's locale comes from the request headers exactly as in server/trpc/context.ts.
 */
async function mutate(user: SessionUser | null, path: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; error?: ErrorBody; result?: unknown }> {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({ db, user, cartToken: null, requestId: 'test', log: logger, locale: localeOf(req.headers) }),
  });
  const body = (await res.json()) as { error?: { json: ErrorBody }; result?: { data: { json: unknown } } };
  return { status: res.status, error: body.error?.json, result: body.result?.data.json };
}

const EN = { cookie: 'NEXT_LOCALE=en' };
const EN_BROWSER = { 'accept-language': 'en-US,en;q=0.9' };

describe('error texts in the caller’s language', () => {
  it('picks the locale from the NEXT_LOCALE cookie, then Accept-Language, else Spanish', () => {
    expect(localeOf(new Headers({ cookie: 'a=1; NEXT_LOCALE=en; b=2' }))).toBe('en');
    expect(localeOf(new Headers({ 'accept-language': 'en-GB,en;q=0.8' }))).toBe('en');
    expect(localeOf(new Headers({ cookie: 'NEXT_LOCALE=es', 'accept-language': 'en' }))).toBe('es');
    expect(localeOf(new Headers({ cookie: 'NEXT_LOCALE=fr', 'accept-language': 'de' }))).toBe('es');
    expect(localeOf(new Headers())).toBe('es');
  });

  it('a duplicate store address: English with the cookie or an English browser, Spanish otherwise; same key and params', async () => {
    const owner = await createTestUser(db);
    const taken = uniqueSlug('taller');
    expect((await mutate(owner, 'store.create', { name: 'Taller Uno', slug: taken, currency: 'PEN' })).status).toBe(200);

    const other = await createTestUser(db);
    const en = await mutate(other, 'store.create', { name: 'Taller Dos', slug: taken, currency: 'PEN' }, EN);
    expect(en.status).toBe(409);
    const suggestion = String(en.error!.data.details!.suggestion);
    expect(en.error!.message).toBe(`The address "${taken}" is already taken. Try "${suggestion}".`);
    expect(en.error!.data.fields).toEqual({ slug: `Already taken. Suggestion: ${suggestion}` });
    expect(en.error!.data).toMatchObject({ appCode: 'CONFLICT', key: 'errors.store.slugTaken', params: { slug: taken, suggestion } });
    expect(en.error!.data.fieldKeys).toEqual({ slug: { key: 'errors.store.slugTakenField', params: { suggestion } } });

    const browser = await mutate(other, 'store.create', { name: 'Taller Dos', slug: taken, currency: 'PEN' }, EN_BROWSER);
    expect(browser.error!.message).toBe(`The address "${taken}" is already taken. Try "${suggestion}".`);

    const es = await mutate(other, 'store.create', { name: 'Taller Dos', slug: taken, currency: 'PEN' });
    expect(es.error!.message).toBe(`La dirección "${taken}" ya está en uso. Prueba "${suggestion}".`);
    expect(es.error!.data.fields).toEqual({ slug: `Ya está en uso. Sugerencia: ${suggestion}` });
    expect(es.error!.data.key).toBe('errors.store.slugTaken');

    // An explicit Spanish choice wins over an English browser.
    const chosen = await mutate(other, 'store.create', { name: 'Taller Dos', slug: taken, currency: 'PEN' }, { cookie: 'NEXT_LOCALE=es', ...EN_BROWSER });
    expect(chosen.error!.message).toBe(es.error!.message);
  });

  it('the Free plan limit (LIMIT_EXCEEDED) in both languages', async () => {
    const owner = await createTestUser(db);
    await mutate(owner, 'store.create', { name: 'Primera', slug: uniqueSlug('primera'), currency: 'PEN' });
    const input = { name: 'Segunda', slug: uniqueSlug('segunda'), currency: 'PEN' };
    const en = await mutate(owner, 'store.create', input, EN);
    expect(en.status).toBe(403);
    expect(en.error!.message).toBe('Your Free plan allows 1 store. Upgrade to Pro to get more.');
    expect(en.error!.data).toMatchObject({ appCode: 'LIMIT_EXCEEDED', key: 'errors.plan.limitStores', details: { resource: 'stores', limit: 1, plan: 'free' } });
    const es = await mutate(owner, 'store.create', input);
    expect(es.error!.message).toBe('Tu plan Gratis permite 1 tienda. Mejora a Pro para tener más.');
  });

  it('an invalid input field (shared zod schema): per-field message and top message in the caller’s language', async () => {
    const owner = await createTestUser(db);
    const input = { name: 'A', slug: uniqueSlug('corta'), currency: 'PEN' };
    const en = await mutate(owner, 'store.create', input, EN);
    expect(en.status).toBe(400);
    expect(en.error!.data.fields).toEqual({ name: 'At least 2 characters.' });
    expect(en.error!.message).toBe('At least 2 characters.');
    expect(en.error!.data).toMatchObject({ appCode: 'BAD_REQUEST', key: 'errors.generic.invalidInput', fieldKeys: { name: { key: 'validation.minChars', params: { minimum: 2 } } } });
    const es = await mutate(owner, 'store.create', input);
    expect(es.error!.data.fields).toEqual({ name: 'Mínimo 2 caracteres.' });

    // A message zod writes itself (no custom one in the schema) comes in the caller's language too.
    const badId = { storeId: 'not-a-uuid', title: 'Gorro', price: 100, currency: 'PEN', variants: [{ options: {}, stock: 1 }] };
    const enId = await mutate(owner, 'product.create', badId, EN);
    const esId = await mutate(owner, 'product.create', badId);
    expect(enId.error!.data.fields!.storeId).toBe('Invalid UUID');
    expect(esId.error!.data.fields!.storeId).not.toBe('Invalid UUID');
    expect(esId.error!.data.fields!.storeId).toMatch(/UUID/);
  });

  it('middleware rejections (signed out, not a member) are translated too', async () => {
    const en = await mutate(null, 'store.create', { name: 'Taller', slug: uniqueSlug('x'), currency: 'PEN' }, EN);
    expect(en.status).toBe(401);
    expect(en.error!.message).toBe('Sign in to continue.');
    expect((await mutate(null, 'store.create', { name: 'Taller', slug: uniqueSlug('x'), currency: 'PEN' })).error!.message).toBe('Inicia sesión para continuar.');

    const stranger = await createTestUser(db);
    const input = { storeId: crypto.randomUUID(), title: 'Gorro', price: 100, currency: 'PEN', variants: [{ options: {}, stock: 1 }] };
    expect((await mutate(stranger, 'product.create', input, EN)).error!.message).toBe('Store not found.');
    expect((await mutate(stranger, 'product.create', input)).error!.message).toBe('Tienda no encontrada.');
  });

  it('an AppError keeps its Spanish message for logs and direct callers, and renders any locale on demand', () => {
    const err = new AppError('CONFLICT', { key: 'cart.onlyLeft', params: { available: 1 }, fields: { qty: { key: 'cart.onlyLeft', params: { available: 3 } } } });
    expect(err.message).toBe('Solo quedan 1 unidad.');
    expect(err.messageIn('en')).toBe('Only 1 unit left.');
    expect(err.fields).toEqual({ qty: 'Solo quedan 3 unidades.' });
    expect(err.fieldsIn('en')).toEqual({ qty: 'Only 3 units left.' });
    // A provider's raw diagnostic is never shown as such: clients get the generic text of the code.
    const upstream = new AppError('UPSTREAM_FAILED', { internal: 'Cregis /api/v2/checkout: HTTP 502' });
    expect(upstream.message).toBe('Cregis /api/v2/checkout: HTTP 502');
    expect(upstream.messageIn('en')).toBe('An external service did not respond. Please try again in a moment.');
  });

  it('client-side checks with the shared schema give the same field texts in either language', () => {
    const parsed = ZCreateStoreInput.safeParse({ name: 'A', slug: 'Mal Slug', currency: 'XXX' });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues;
    // The schema's own messages stay Spanish (what logs and untranslated readers see) …
    expect(issues.find((i) => i.path[0] === 'name')!.message).toBe('Mínimo 2 caracteres.');
    // … and are written in the reader's language on the way out.
    expect(issuesToFieldMessages(issues, 'en')).toMatchObject({
      name: 'At least 2 characters.',
      slug: 'Only lowercase letters, numbers and hyphens (no hyphen at the start or end).',
      currency: 'Choose a currency.',
    });
    expect(issuesToFieldMessages(issues, 'es')).toMatchObject({ name: 'Mínimo 2 caracteres.', currency: 'Elige una moneda.' });
  });

  it('route handlers answer JSON errors in the caller’s language with the same stable key', async () => {
    const crossSite = (headers: Record<string, string>) =>
      assertSameOrigin(new Request('http://localhost/api/auth/session', { method: 'POST', headers: { origin: 'https://evil.example', host: 'localhost', ...headers } }))!;
    expect(await crossSite(EN).json()).toEqual({ error: { code: 'FORBIDDEN', key: 'errors.http.crossOrigin', message: 'Request from another origin rejected.' } });
    expect(await crossSite(EN_BROWSER).json()).toMatchObject({ error: { message: 'Request from another origin rejected.' } });
    expect(await crossSite({}).json()).toEqual({ error: { code: 'FORBIDDEN', key: 'errors.http.crossOrigin', message: 'Solicitud de otro origen rechazada.' } });
    const form = (headers: Record<string, string>) => assertJsonBody(new Request('http://localhost/api/trpc/x', { method: 'POST', headers: { 'content-type': 'text/plain', ...headers } }))!;
    expect((await form(EN).json()).error.message).toBe('JSON was expected.');
    expect((await form({}).json()).error.message).toBe('Se esperaba JSON.');
  });
});
