import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AuthAdapter, AuthConfig } from './index';
import { accessClaims, cognitoApiClient, idClaims, refreshWithToken, revokeRefreshToken, totpApi } from './cognito-api';

const JWKS_TIMEOUT_MS = 3_000;

/**
 * cognito-local: same RS256 tokens, but an `http:` issuer `<endpoint>/<poolId>`. aws-jwt-verify's own fetcher
 * refuses `http:` URLs, so the JWKS comes through global fetch (with a timeout).
 */
export function createLocalAuth(config: Extract<AuthConfig, { mode: 'local' }>): AuthAdapter {
  const issuer = `${config.endpoint.replace(/\/$/, '')}/${config.userPoolId}`;
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      async fetch(uri) {
        const res = await fetch(uri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
        if (!res.ok) throw new Error(`JWKS ${uri} answered ${res.status}`);
        return res.arrayBuffer();
      },
    },
  });
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  const accessVerifier = JwtVerifier.create(
    {
      issuer,
      jwksUri,
      audience: null, // access tokens carry client_id, not aud
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== config.clientId) throw new Error('access token of another app client');
      },
    },
    { jwksCache },
  );
  const idVerifier = JwtVerifier.create(
    {
      issuer,
      jwksUri,
      audience: config.clientId,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') throw new Error('not an id token');
      },
    },
    { jwksCache },
  );
  const api = cognitoApiClient({ endpoint: config.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    async verifyAccessToken(token) {
      return accessClaims(await accessVerifier.verify(token));
    },
    async verifyIdToken(token) {
      return idClaims(await idVerifier.verify(token));
    },
    refresh: (refreshToken) => refreshWithToken(api, config.clientId, refreshToken),
    totp: totpApi(api),
    async signOut({ refreshToken }) {
      // The emulator has no GlobalSignOut; revoking the refresh token is what ends the session there.
      if (refreshToken) await revokeRefreshToken(api, config.clientId, refreshToken).catch(() => {});
    },
  };
}
