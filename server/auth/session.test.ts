import {
  AdminAddUserToGroupCommand,
  CreateUserPoolClientCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { eq } from 'drizzle-orm';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { users } from '../db/schema';
import { listDevMailCodes } from '../services/dev-mail/list-dev-mail-codes';
import { testDb } from '../testing/db';
import { confirmedAccount, startTestCognito, TEST_PASSWORD as PASSWORD, type TestCognito } from '../testing/local-cognito';
import { SESSION_COOKIE } from './cookies';
import { createSession, deleteSession, refreshAndRedirect, refreshForClient } from './session-routes';
import { getSessionUser } from './session';

// Integration: a real cognito-local on a free port, the real verifier chosen by AUTH_MODE=local, the real database.

let cognito: TestCognito;
let idp: CognitoIdentityProviderClient;

beforeAll(async () => {
  cognito = await startTestCognito(inject('databaseUrl'));
  idp = cognito.idp;
});

afterAll(async () => {
  await cognito?.close();
});

async function signUpAndConfirm(opts: { groups?: string[] } = {}): Promise<string> {
  const email = await confirmedAccount(cognito);
  for (const GroupName of opts.groups ?? []) {
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: cognito.userPoolId, Username: email, GroupName }));
  }
  return email;
}

async function signIn(email: string, clientId = cognito.clientId) {
  const out = await idp.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }),
  );
  const r = out.AuthenticationResult!;
  return { accessToken: r.AccessToken!, idToken: r.IdToken!, refreshToken: r.RefreshToken! };
}

function cookieHeader(tokens: { accessToken?: string; idToken?: string; refreshToken?: string }): string {
  const parts: string[] = [];
  if (tokens.accessToken) parts.push(`${SESSION_COOKIE.access}=${tokens.accessToken}`);
  if (tokens.idToken) parts.push(`${SESSION_COOKIE.id}=${tokens.idToken}`);
  if (tokens.refreshToken) parts.push(`${SESSION_COOKIE.refresh}=${tokens.refreshToken}`);
  return parts.join('; ');
}

/** Cookie header a browser would send back after these Set-Cookie values (name=value only). */
function cookiesFrom(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    out.set(pair!.slice(0, eq), decodeURIComponent(pair!.slice(eq + 1)));
  }
  return out;
}

function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
}

function signJwt(payload: Record<string, unknown>, key: crypto.KeyObject, kid = 'CognitoLocal'): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'RS256', kid, typ: 'JWT' })}.${enc(payload)}`;
  return `${input}.${crypto.sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** The emulator's own signing key (shipped in the package), to make tokens that differ from real ones only where a test says. */
function emulatorKey(): crypto.KeyObject {
  const require = createRequire(import.meta.url);
  const { jwk } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: crypto.JsonWebKey };
  return crypto.createPrivateKey({ key: jwk, format: 'jwk' });
}

function sameOriginRequest(url: string, init: { method: string; cookie?: string; body?: unknown; origin?: string }): Request {
  const headers = new Headers({ host: 'localhost:3000', 'content-type': 'application/json' });
  if (init.origin) headers.set('origin', init.origin);
  else headers.set('sec-fetch-site', 'same-origin');
  if (init.cookie) headers.set('cookie', init.cookie);
  return new Request(`http://localhost:3000${url}`, {
    method: init.method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('getSessionUser', () => {
  it('returns the signed-up, confirmed user with the groups from the access token', async () => {
    const email = await signUpAndConfirm({ groups: ['sellers'] });
    const tokens = await signIn(email);
    const user = await getSessionUser(cookieHeader(tokens));
    const access = decodePayload(tokens.accessToken);
    // auth_time (when the password was typed) rides along for the recent-sign-in check of sensitive actions.
    expect(user).toEqual({ id: access.sub, email, name: undefined, groups: ['sellers'], authTime: access.auth_time });
    expect(Math.abs(Number(access.auth_time) - Date.now() / 1000)).toBeLessThan(120);
  });

  it('returns null without cookies, with one of the two, or with garbage', async () => {
    const tokens = await signIn(await signUpAndConfirm());
    expect(await getSessionUser('')).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: tokens.accessToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ idToken: tokens.idToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: 'garbage', idToken: tokens.idToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: tokens.accessToken, idToken: 'a.b.c' }))).toBeNull();
  });

  it('accepts a token re-signed with the emulator key (control) but not one signed by another key', async () => {
    const tokens = await signIn(await signUpAndConfirm({ groups: ['admins'] }));
    const payload = decodePayload(tokens.accessToken);
    const control = signJwt(payload, emulatorKey());
    expect((await getSessionUser(cookieHeader({ ...tokens, accessToken: control })))?.groups).toEqual(['admins']);

    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = signJwt({ ...payload, 'cognito:groups': ['admins', 'sellers'] }, privateKey);
    expect(await getSessionUser(cookieHeader({ ...tokens, accessToken: forged }))).toBeNull();
    const forgedId = signJwt(decodePayload(tokens.idToken), privateKey);
    expect(await getSessionUser(cookieHeader({ ...tokens, idToken: forgedId }))).toBeNull();
  });

  it('returns null for expired tokens', async () => {
    const tokens = await signIn(await signUpAndConfirm());
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expiredAccess = signJwt({ ...decodePayload(tokens.accessToken), iat: past - 3600, exp: past }, emulatorKey());
    const expiredId = signJwt({ ...decodePayload(tokens.idToken), iat: past - 3600, exp: past }, emulatorKey());
    expect(await getSessionUser(cookieHeader({ ...tokens, accessToken: expiredAccess }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ ...tokens, idToken: expiredId }))).toBeNull();
  });

  it('returns null for tokens of another app client, swapped token kinds, or two different users', async () => {
    const email = await signUpAndConfirm();
    const other = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: cognito.userPoolId, ClientName: 'other-app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
    );
    const ours = await signIn(email);
    const theirs = await signIn(email, other.UserPoolClient!.ClientId!);
    expect(await getSessionUser(cookieHeader({ accessToken: ours.accessToken, idToken: theirs.idToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: theirs.accessToken, idToken: ours.idToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: ours.idToken, idToken: ours.idToken }))).toBeNull();
    expect(await getSessionUser(cookieHeader({ accessToken: ours.accessToken, idToken: ours.accessToken }))).toBeNull();

    const someoneElse = await signIn(await signUpAndConfirm());
    expect(await getSessionUser(cookieHeader({ accessToken: ours.accessToken, idToken: someoneElse.idToken }))).toBeNull();
  });
});

describe('session routes', () => {
  it('POST /api/auth/session verifies the tokens, creates the profile row and sets HttpOnly cookies', async () => {
    const email = await signUpAndConfirm();
    const tokens = await signIn(email);
    const res = await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: tokens }));
    expect(res.status).toBe(200);
    const setCookies = res.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('vita_at='))).toMatch(/; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(setCookies.find((c) => c.startsWith('vita_id='))).toMatch(/; Path=\/; .*HttpOnly; SameSite=Lax$/);
    expect(setCookies.find((c) => c.startsWith('vita_rt='))).toMatch(/; Path=\/api\/auth; .*HttpOnly; SameSite=Lax$/);

    const jar = cookiesFrom(res);
    const user = await getSessionUser(cookieHeader({ accessToken: jar.get('vita_at'), idToken: jar.get('vita_id') }));
    expect(user?.email).toBe(email);
    const [row] = await testDb().select().from(users).where(eq(users.id, user!.id));
    expect(row?.email).toBe(email);
  });

  it('rejects forged tokens, a missing body and cross-site posts', async () => {
    const tokens = await signIn(await signUpAndConfirm());
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = { ...tokens, accessToken: signJwt(decodePayload(tokens.accessToken), privateKey) };
    const rejected = await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: forged }));
    expect(rejected.status).toBe(401);
    expect(rejected.headers.getSetCookie()).toEqual([]);
    expect((await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: {} }))).status).toBe(400);
    const crossSite = sameOriginRequest('/api/auth/session', { method: 'POST', body: tokens, origin: 'https://evil.example' });
    expect((await createSession(crossSite)).status).toBe(403);
  });

  it('refreshes from the refresh cookie (POST 204, GET 303 to a same-site next) and stops after sign-out', async () => {
    const email = await signUpAndConfirm({ groups: ['sellers'] });
    const tokens = await signIn(email);
    const cookie = cookieHeader({ accessToken: 'expired-or-garbage', idToken: tokens.idToken, refreshToken: tokens.refreshToken });

    const refreshed = await refreshForClient(sameOriginRequest('/api/auth/refresh', { method: 'POST', cookie }));
    expect(refreshed.status).toBe(204);
    const jar = cookiesFrom(refreshed);
    expect(jar.get('vita_at')).not.toBe(tokens.accessToken);
    const user = await getSessionUser(cookieHeader({ accessToken: jar.get('vita_at'), idToken: jar.get('vita_id') }));
    expect(user).toMatchObject({ email, groups: ['sellers'] });

    const back = await refreshAndRedirect(new Request(`http://localhost:3000/api/auth/refresh?next=${encodeURIComponent('/dashboard/productos?p=2')}`, { headers: { cookie } }));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/dashboard/productos?p=2');
    expect(cookiesFrom(back).get('vita_at')).toBeTruthy();

    const offsite = await refreshAndRedirect(new Request('http://localhost:3000/api/auth/refresh?next=//evil.example/x', { headers: { cookie } }));
    expect(offsite.headers.get('location')).toBe('/dashboard');

    const signedOut = await deleteSession(sameOriginRequest('/api/auth/session', { method: 'DELETE', cookie }));
    expect(signedOut.status).toBe(204);
    expect([...cookiesFrom(signedOut).values()]).toEqual(['', '', '']);
    expect(signedOut.headers.getSetCookie().every((c) => c.includes('Max-Age=0'))).toBe(true);

    // The refresh token was revoked: refreshing now signs out and sends GET callers to the sign-in page.
    const denied = await refreshForClient(sameOriginRequest('/api/auth/refresh', { method: 'POST', cookie }));
    expect(denied.status).toBe(401);
    const toSignIn = await refreshAndRedirect(new Request('http://localhost:3000/api/auth/refresh?next=/dashboard', { headers: { cookie } }));
    expect(toSignIn.headers.get('location')).toBe('/ingresar?next=%2Fdashboard');
    expect(cookiesFrom(toSignIn).get('vita_at')).toBe('');
  });

  it('a suspended account gets no session and cannot refresh one it already has; restored, it signs in again', async () => {
    const email = await signUpAndConfirm();
    const tokens = await signIn(email);
    const first = await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: tokens }));
    expect(first.status).toBe(200);
    const { id } = ((await first.json()) as { user: { id: string } }).user;
    await testDb().update(users).set({ suspendedAt: new Date(), suspendedReason: 'prueba' }).where(eq(users.id, id));

    const refused = await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: tokens }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { reason: string } }).error.reason).toBe('ACCOUNT_SUSPENDED');
    expect([...cookiesFrom(refused).values()].every((v) => v === '')).toBe(true);
    const cookie = cookieHeader({ accessToken: 'expired-or-garbage', idToken: tokens.idToken, refreshToken: tokens.refreshToken });
    expect((await refreshForClient(sameOriginRequest('/api/auth/refresh', { method: 'POST', cookie }))).status).toBe(401);
    const toSignIn = await refreshAndRedirect(new Request('http://localhost:3000/api/auth/refresh?next=/dashboard', { headers: { cookie } }));
    expect(toSignIn.headers.get('location')).toBe('/ingresar?next=%2Fdashboard');

    await testDb().update(users).set({ suspendedAt: null, suspendedReason: null }).where(eq(users.id, id));
    expect((await createSession(sameOriginRequest('/api/auth/session', { method: 'POST', body: tokens }))).status).toBe(200);
  });

  it('refresh without a refresh cookie clears the session', async () => {
    const res = await refreshForClient(sameOriginRequest('/api/auth/refresh', { method: 'POST' }));
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toHaveLength(3);
  });
});

describe('dev mail reader', () => {
  it('finds sign-up and reset codes per email, newest first, and drops used ones', async () => {
    const email = await signUpAndConfirm();
    expect((await listDevMailCodes({ dataDir: cognito.dataDir, userPoolId: cognito.userPoolId })).some((c) => c.email === email)).toBe(false);

    await idp.send(new ForgotPasswordCommand({ ClientId: cognito.clientId, Username: email }));
    const later = `auth-later-${crypto.randomUUID().slice(0, 8)}@prueba.vita`;
    await idp.send(new SignUpCommand({ ClientId: cognito.clientId, Username: later, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: later }] }));

    const codes = await listDevMailCodes({ dataDir: cognito.dataDir, userPoolId: cognito.userPoolId });
    const reset = codes.findIndex((c) => c.email === email && c.kind === 'reset-password');
    const signUp = codes.findIndex((c) => c.email === later && c.kind === 'sign-up');
    expect(reset).toBeGreaterThanOrEqual(0);
    expect(signUp).toBeGreaterThanOrEqual(0);
    expect(signUp).toBeLessThan(reset);
    expect(codes[reset]!.code).toMatch(/^\d{6}$/);
  });

  it('is empty for a pool without data', async () => {
    expect(await listDevMailCodes({ dataDir: cognito.dataDir, userPoolId: 'local_missing' })).toEqual([]);
  });
});
