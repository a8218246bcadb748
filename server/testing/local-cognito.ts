/**
 * A real cognito-local for integration tests: started on a free port in a temp dir, with the app's environment
 * pointed at it (AUTH_MODE=local), plus the account steps tests need (sign up + confirm, password sign-in).
 */
import { ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cognitoClient, startCognitoLocal, type LocalCognito } from '../../scripts/local/cognito';
import { listDevMailCodes } from '../services/dev-mail/list-dev-mail-codes';
import { SESSION_COOKIE } from '../auth/cookies';

export const TEST_PASSWORD = 'Vita-prueba-2026';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type TestCognito = LocalCognito & { idp: CognitoIdentityProviderClient; close: () => Promise<void> };

/** Starts the emulator and sets AUTH_MODE/COGNITO_* for the app code under test. */
export async function startTestCognito(databaseUrl: string): Promise<TestCognito> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-cognito-test-'));
  const cognito = await startCognitoLocal({ dataDir: tmp, port: await freePort() });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    AUTH_MODE: 'local',
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_USER_POOL_ID: cognito.userPoolId,
    COGNITO_CLIENT_ID: cognito.clientId,
    COGNITO_LOCAL_DATA_DIR: cognito.dataDir,
    APP_URL: 'http://localhost:3000',
  });
  return {
    ...cognito,
    idp: cognitoClient(cognito.endpoint),
    async close() {
      await cognito.stop();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}

/** A new confirmed account (email + TEST_PASSWORD), confirmed with the code the emulator "sent". */
export async function confirmedAccount(c: TestCognito): Promise<string> {
  const email = `t-${crypto.randomUUID().slice(0, 8)}@prueba.vita`;
  await c.idp.send(new SignUpCommand({ ClientId: c.clientId, Username: email, Password: TEST_PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
  const codes = await listDevMailCodes({ dataDir: c.dataDir, userPoolId: c.userPoolId });
  const code = codes.find((x) => x.email === email && x.kind === 'sign-up')?.code;
  if (!code) throw new Error(`no sign-up code for ${email}`);
  await c.idp.send(new ConfirmSignUpCommand({ ClientId: c.clientId, Username: email, ConfirmationCode: code }));
  return email;
}

/** USER_PASSWORD_AUTH: the tokens, or the challenge Cognito answers with (e.g. SOFTWARE_TOKEN_MFA). */
export async function passwordSignIn(c: TestCognito, email: string) {
  const out = await c.idp.send(new InitiateAuthCommand({ ClientId: c.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: TEST_PASSWORD } }));
  const r = out.AuthenticationResult;
  return {
    challenge: out.ChallengeName,
    session: out.Session,
    tokens: r ? { accessToken: r.AccessToken!, idToken: r.IdToken!, refreshToken: r.RefreshToken! } : null,
  };
}

/** The Cookie header a browser holding these session tokens sends. */
export function sessionCookieHeader(tokens: { accessToken: string; idToken: string }): string {
  return `${SESSION_COOKIE.access}=${tokens.accessToken}; ${SESSION_COOKIE.id}=${tokens.idToken}`;
}
