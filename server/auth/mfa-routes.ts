/**
 * Two-step verification with an authenticator app (TOTP), for every account: optional for everyone, required for
 * admins in the cloud (amplify/functions/admin-mfa-gate refuses tokens to an admin without it, so an admin sets it up
 * here before joining the group). Cognito's calls for it are authorised by the user's own access token, which lives
 * in an HttpOnly cookie — so this is a route (app/api/auth/mfa) next to the session routes, not a tRPC procedure.
 *
 * GET → { enabled }. POST { action: 'start' } → a new secret, its otpauth:// URI and a QR code (SVG).
 * POST { action: 'confirm', code } → checks the first code; TOTP is on from the next sign-in (audited).
 * POST { action: 'disable' } → needs a recent sign-in (audited).
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import { authAdapter, type AuthAdapter } from '../adapters/auth';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';
import type { ErrorKey } from '../errors/messages';
import { issueKey, issueMessage, vmsg } from '../errors/validation';
import { assertSameOrigin } from '../http/csrf';
import { rateLimitResponse } from '../http/rate-limit';
import { logger } from '../log/logger';
import { appendAudit } from '../services/audit/append-audit';
import { readSessionCookies } from './cookies';
import { assertRecentSignIn } from './recent-auth';
import { verifySessionTokens } from './session';

const ZMfaInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('confirm'), code: z.string().regex(/^\d{6}$/, vmsg('mfaCodeDigits')) }),
  z.object({ action: z.literal('disable') }),
]);

const MAX_BODY_BYTES = 2 * 1024;

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
const fail = (req: Request, status: number, code: string, key: ErrorKey, extra: Record<string, unknown> = {}) => json(status, errorBody(localeOf(req.headers), code, key, undefined, extra));

async function sessionOf(req: Request, auth: AuthAdapter) {
  const { access, id } = readSessionCookies(req.headers.get('cookie') ?? '');
  if (!access || !id) return null;
  try {
    return { user: await verifySessionTokens({ accessToken: access, idToken: id }, auth), accessToken: access };
  } catch {
    return null;
  }
}

/** The URI authenticator apps read from the QR code: issuer VITA, the account's email as label. */
export function otpauthUri(secret: string, email: string): string {
  return new TOTP({ issuer: 'VITA', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).toString();
}

const isCognitoError = (err: unknown, ...names: string[]) => err instanceof Error && names.includes(err.name);

export async function mfaStatus(req: Request, auth: AuthAdapter = authAdapter()): Promise<Response> {
  const s = await sessionOf(req, auth);
  if (!s) return fail(req, 401, 'UNAUTHORIZED', 'auth.signInRequired');
  return json(200, { enabled: await auth.totp.enabled(s.accessToken) });
}

export async function mfaAction(req: Request, auth: AuthAdapter = authAdapter()): Promise<Response> {
  const forbidden = assertSameOrigin(req);
  if (forbidden) return forbidden;
  const s = await sessionOf(req, auth);
  if (!s) return fail(req, 401, 'UNAUTHORIZED', 'auth.signInRequired');
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return fail(req, 413, 'PAYLOAD_TOO_LARGE', 'http.payloadTooLarge');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const input = ZMfaInput.safeParse(body);
  if (!input.success) {
    const issue = input.error.issues[0];
    // The code field's own message (shared validation texts), else a generic one.
    if (issue?.path[0] === 'code') return json(400, { error: { code: 'BAD_REQUEST', key: issueKey(issue).key, message: issueMessage(issue, localeOf(req.headers)) } });
    return fail(req, 400, 'BAD_REQUEST', 'http.invalidRequest');
  }
  const db = getDb();
  const { user, accessToken } = s;

  if (input.data.action === 'start') {
    const secret = await auth.totp.associate(accessToken);
    const uri = otpauthUri(secret, user.email);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return json(200, { secret, uri, qrSvg });
  }

  if (input.data.action === 'confirm') {
    // Six digits are guessable by brute force: a few tries per user, then wait.
    const limited = await rateLimitResponse(db, 'mfa', user.id, localeOf(req.headers));
    if (limited) return limited;
    let ok: boolean;
    try {
      ok = await auth.totp.verify(accessToken, input.data.code, 'App de autenticación');
    } catch (err) {
      if (isCognitoError(err, 'CodeMismatchException', 'EnableSoftwareTokenMFAException')) ok = false;
      else if (isCognitoError(err, 'InvalidParameterException')) return fail(req, 409, 'CONFLICT', 'auth.mfaNotStarted', { reason: 'NOT_STARTED' });
      else throw err;
    }
    if (!ok) return fail(req, 400, 'BAD_REQUEST', 'auth.mfaCodeMismatch', { reason: 'CODE_MISMATCH' });
    await appendAudit(db, { actor: user.id, action: 'account.mfa_enabled', subject: `user:${user.id}`, data: { method: 'totp' } });
    logger.info({ userId: user.id }, 'TOTP enabled');
    return json(200, { enabled: true });
  }

  try {
    assertRecentSignIn(user);
  } catch (err) {
    const e = err as AppError;
    return fail(req, 403, 'FORBIDDEN', e.key, (e.data ?? {}) as Record<string, unknown>);
  }
  await auth.totp.disable(accessToken);
  await appendAudit(db, { actor: user.id, action: 'account.mfa_disabled', subject: `user:${user.id}`, data: { method: 'totp' } });
  logger.info({ userId: user.id }, 'TOTP disabled');
  return json(200, { enabled: false });
}
