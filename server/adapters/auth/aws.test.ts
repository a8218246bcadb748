import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuthAdapter } from './index';

function token(payload: Record<string, unknown>): string {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${enc(payload)}`;
  return `${input}.${crypto.sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
}

// The cloud verifier can't be exercised end to end offline; these checks fail before any JWKS download.
describe('cloud auth adapter', () => {
  const cloud = createAuthAdapter({ mode: 'cognito', region: 'us-east-1', userPoolId: 'us-east-1_AbCdEf123', clientId: 'client123' });
  const exp = Math.floor(Date.now() / 1000) + 600;

  it('refuses tokens from another issuer (e.g. the emulator)', async () => {
    const local = token({ iss: 'http://127.0.0.1:9229/local_abc', token_use: 'access', client_id: 'client123', sub: 's', exp });
    await expect(cloud.verifyAccessToken(local)).rejects.toThrow(/issuer/i);
    await expect(cloud.verifyIdToken(token({ iss: 'http://127.0.0.1:9229/local_abc', token_use: 'id', aud: 'client123', sub: 's', exp }))).rejects.toThrow();
  });

  it('refuses garbage', async () => {
    await expect(cloud.verifyAccessToken('not-a-jwt')).rejects.toThrow();
  });

  it('refuses a pool id that is not a real Cognito one at creation', () => {
    expect(() => createAuthAdapter({ mode: 'cognito', region: 'us-east-1', userPoolId: 'local_abc', clientId: 'c' })).toThrow();
  });
});
