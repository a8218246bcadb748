import { RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditLog } from '../db/schema';
import { confirmedAccount, passwordSignIn, sessionCookieHeader, startTestCognito, type TestCognito } from '../testing/local-cognito';
import { testDb } from '../testing/db';
import { createSession } from './session-routes';
import { mfaAction, mfaStatus } from './mfa-routes';

// Integration: the real cognito-local (TOTP calls and the SOFTWARE_TOKEN_MFA challenge), the real database.
let cognito: TestCognito;
const db = testDb();

beforeAll(async () => {
  cognito = await startTestCognito(inject('databaseUrl'));
});
afterAll(async () => {
  await cognito?.close();
});

function req(method: 'GET' | 'POST', cookie: string | null, body?: unknown, crossSite = false): Request {
  const headers = new Headers({ host: 'localhost:3000', 'content-type': 'application/json', 'sec-fetch-site': crossSite ? 'cross-site' : 'same-origin' });
  if (cookie) headers.set('cookie', cookie);
  return new Request('http://localhost:3000/api/auth/mfa', { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A signed-in account: its email, the browser's cookie header and its user id (the session route made the profile row). */
async function signedIn() {
  const email = await confirmedAccount(cognito);
  const { tokens } = await passwordSignIn(cognito, email);
  const made = await createSession(
    new Request('http://localhost:3000/api/auth/session', { method: 'POST', headers: { host: 'localhost:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: JSON.stringify(tokens) }),
  );
  const { user } = (await made.json()) as { user: { id: string } };
  return { email, cookie: sessionCookieHeader(tokens!), userId: user.id };
}

const codeFor = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
const enabled = async (cookie: string) => ((await (await mfaStatus(req('GET', cookie))).json()) as { enabled: boolean }).enabled;

describe('two-step verification (TOTP) at /api/auth/mfa', () => {
  it('turns on with a QR secret and a correct code; the next sign-in asks for a code; it turns off again', async () => {
    const { email, cookie, userId } = await signedIn();
    expect(await enabled(cookie)).toBe(false);

    const started = await mfaAction(req('POST', cookie, { action: 'start' }));
    expect(started.status).toBe(200);
    const { secret, uri, qrSvg } = (await started.json()) as { secret: string; uri: string; qrSvg: string };
    expect(uri).toMatch(new RegExp(`^otpauth://totp/VITA:${encodeURIComponent(email)}\\?`));
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);

    // A wrong code: a typed refusal, nothing turned on, nothing audited.
    const wrong = String((Number(codeFor(secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await mfaAction(req('POST', cookie, { action: 'confirm', code: wrong }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { reason: string } }).error.reason).toBe('CODE_MISMATCH');
    expect(await enabled(cookie)).toBe(false);

    const confirmed = await mfaAction(req('POST', cookie, { action: 'confirm', code: codeFor(secret) }));
    expect(confirmed.status).toBe(200);
    expect(await enabled(cookie)).toBe(true);
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.actor, userId), eq(auditLog.action, 'account.mfa_enabled')));
    expect(audited).toHaveLength(1);

    // The password alone no longer signs in: Cognito asks for the app's code.
    const second = await passwordSignIn(cognito, email);
    expect([second.challenge, second.tokens]).toEqual(['SOFTWARE_TOKEN_MFA', null]);
    const answered = await cognito.idp.send(
      new RespondToAuthChallengeCommand({ ClientId: cognito.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: second.session, ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: codeFor(secret) } }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toBeTruthy();

    const off = await mfaAction(req('POST', cookie, { action: 'disable' }));
    expect(off.status).toBe(200);
    expect(await enabled(cookie)).toBe(false);
    expect((await passwordSignIn(cognito, email)).challenge).toBeUndefined();
    const disabledAudit = await db.select().from(auditLog).where(and(eq(auditLog.actor, userId), eq(auditLog.action, 'account.mfa_disabled')));
    expect(disabledAudit).toHaveLength(1);
  });

  it('refuses signed-out, cross-site and malformed requests without changing anything', async () => {
    expect((await mfaStatus(req('GET', null))).status).toBe(401);
    expect((await mfaAction(req('POST', null, { action: 'start' }))).status).toBe(401);
    const { cookie } = await signedIn();
    expect((await mfaAction(req('POST', cookie, { action: 'start' }, true))).status).toBe(403);
    for (const body of [{ action: 'confirm', code: '12345' }, { action: 'confirm', code: 'abcdef' }, { action: 'enable' }, 'x']) {
      const r = await mfaAction(req('POST', cookie, body));
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    // Confirming before any secret was issued: a clear conflict, not a 500.
    const early = await mfaAction(req('POST', cookie, { action: 'confirm', code: '123456' }));
    expect(early.status).toBe(409);
    expect(await enabled(cookie)).toBe(false);
  });
});
