/**
 * Logic of the session routes (app/api/auth/session, app/api/auth/refresh). Web Request in, Response out;
 * the route files only re-export these.
 */
import { z } from 'zod';
import { authAdapter } from '../adapters/auth';
import { getDb } from '../db/client';
import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';
import { assertSameOrigin } from '../http/csrf';
import { logger } from '../log/logger';
import { recordSignInDevice } from '../services/audit/sign-in-device';
import { ensureUserProfile } from '../services/identity/ensure-user-profile';
import { accountSuspendedError, isUserSuspended } from '../services/identity/suspension';
import { clearSessionCookies, readSessionCookies, secureCookies, sessionSetCookies, type CookieOptions } from './cookies';
import { safeNextPath } from './next-path';
import { verifySessionTokens } from './session';

const MAX_BODY_BYTES = 16 * 1024;

const ZToken = z.string().min(20).max(8192);
const ZCreateSessionInput = z.object({ accessToken: ZToken, idToken: ZToken, refreshToken: ZToken });

function cookieOptions(): CookieOptions {
  // `npm start` is a production build served over http://localhost; browsers other than Chromium drop Secure
  // cookies there. Every deployed (https) origin gets Secure and the __Host-/__Secure- names (server/auth/cookies.ts).
  return { secure: secureCookies() };
}

function json(status: number, body: unknown, cookies: string[] = []): Response {
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(JSON.stringify(body), { status, headers });
}

function empty(status: number, cookies: string[], location?: string): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  // A relative Location is valid (RFC 9110) and keeps us independent of the Host header.
  if (location) headers.set('location', location);
  return new Response(null, { status, headers });
}

/** POST {accessToken, idToken, refreshToken} from the Authenticator → verified → profile row → cookies. */
export async function createSession(req: Request): Promise<Response> {
  const forbidden = assertSameOrigin(req);
  if (forbidden) return forbidden;
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return json(413, errorBody(localeOf(req.headers), 'PAYLOAD_TOO_LARGE', 'http.payloadTooLarge'));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const input = ZCreateSessionInput.safeParse(body);
  if (!input.success) return json(400, errorBody(localeOf(req.headers), 'BAD_REQUEST', 'auth.sessionTokensMissing'));
  let user;
  try {
    user = await verifySessionTokens(input.data);
  } catch (err) {
    logger.info({ err: (err as Error).message }, 'session tokens rejected');
    return json(401, errorBody(localeOf(req.headers), 'UNAUTHORIZED', 'auth.sessionUnverified'));
  }
  await ensureUserProfile({ db: getDb(), user });
  // A suspended account gets no session cookies (its tokens from Cognito are valid, our platform says no).
  if (await isUserSuspended(getDb(), user.id)) {
    const e = accountSuspendedError();
    logger.info({ userId: user.id }, 'sign-in refused: account suspended');
    return json(403, errorBody(localeOf(req.headers), 'FORBIDDEN', e.key, undefined, { reason: 'ACCOUNT_SUSPENDED' }), clearSessionCookies(cookieOptions()));
  }
  // A sign-in from a device the account never used is audited; it never blocks the sign-in.
  await recordSignInDevice({
    db: getDb(),
    userId: user.id,
    userAgent: req.headers.get('user-agent') ?? '',
    ip: req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
  }).catch((err: unknown) => logger.warn({ err }, 'sign-in device not recorded'));
  return json(200, { user: { id: user.id, email: user.email } }, sessionSetCookies(input.data, cookieOptions()));
}

/** DELETE: sign out. Clears the cookies whatever happens; tells Cognito best-effort. */
export async function deleteSession(req: Request): Promise<Response> {
  const forbidden = assertSameOrigin(req);
  if (forbidden) return forbidden;
  const cookies = readSessionCookies(req.headers.get('cookie') ?? '');
  await authAdapter().signOut({ accessToken: cookies.access, refreshToken: cookies.refresh });
  return empty(204, clearSessionCookies(cookieOptions()));
}

type RefreshOutcome = { ok: true; cookies: string[] } | { ok: false; cookies: string[] };

async function refreshFromCookies(req: Request): Promise<RefreshOutcome> {
  const opts = cookieOptions();
  const refreshToken = readSessionCookies(req.headers.get('cookie') ?? '').refresh;
  if (!refreshToken) return { ok: false, cookies: clearSessionCookies(opts) };
  try {
    const tokens = await authAdapter().refresh(refreshToken);
    // Verify what we are about to store: a page redirected here must not bounce back to a session it rejects.
    const user = await verifySessionTokens(tokens);
    await ensureUserProfile({ db: getDb(), user });
    if (await isUserSuspended(getDb(), user.id)) {
      logger.info({ userId: user.id }, 'session refresh refused: account suspended');
      return { ok: false, cookies: clearSessionCookies(opts) };
    }
    return { ok: true, cookies: sessionSetCookies(tokens, opts) };
  } catch (err) {
    logger.info({ err: (err as Error).name }, 'session refresh refused');
    return { ok: false, cookies: clearSessionCookies(opts) };
  }
}

/** GET ?next=/path — used by server components when the access token expired: refresh, then 303 back. */
export async function refreshAndRedirect(req: Request): Promise<Response> {
  const next = safeNextPath(new URL(req.url).searchParams.get('next'));
  const outcome = await refreshFromCookies(req);
  const location = outcome.ok ? next : `/ingresar?next=${encodeURIComponent(next)}`;
  return empty(303, outcome.cookies, location);
}

/** POST — for client code whose call failed with UNAUTHORIZED: 204 with fresh cookies, or 401 (signed out). */
export async function refreshForClient(req: Request): Promise<Response> {
  const forbidden = assertSameOrigin(req);
  if (forbidden) return forbidden;
  const outcome = await refreshFromCookies(req);
  if (outcome.ok) return empty(204, outcome.cookies);
  return json(401, errorBody(localeOf(req.headers), 'UNAUTHORIZED', 'auth.sessionEnded'), outcome.cookies);
}
