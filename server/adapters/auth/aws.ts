import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { AuthAdapter, AuthConfig } from './index';
import { accessClaims, cognitoApiClient, globalSignOut, idClaims, refreshWithToken, revokeRefreshToken, totpApi } from './cognito-api';

/** Real Cognito: CognitoJwtVerifier checks issuer, token_use and client (its JWKS fetch has built-in timeouts). */
export function createCloudAuth(config: Extract<AuthConfig, { mode: 'cognito' }>): AuthAdapter {
  const accessVerifier = CognitoJwtVerifier.create({ userPoolId: config.userPoolId, tokenUse: 'access', clientId: config.clientId });
  const idVerifier = CognitoJwtVerifier.create({ userPoolId: config.userPoolId, tokenUse: 'id', clientId: config.clientId });
  const api = cognitoApiClient({ region: config.region });
  return {
    async verifyAccessToken(token) {
      return accessClaims(await accessVerifier.verify(token));
    },
    async verifyIdToken(token) {
      return idClaims(await idVerifier.verify(token));
    },
    refresh: (refreshToken) => refreshWithToken(api, config.clientId, refreshToken),
    totp: totpApi(api),
    async signOut({ accessToken, refreshToken }) {
      // GlobalSignOut ends every session of the user; RevokeToken covers an access token that already expired.
      await Promise.allSettled([
        accessToken ? globalSignOut(api, accessToken) : null,
        refreshToken ? revokeRefreshToken(api, config.clientId, refreshToken) : null,
      ]);
    },
  };
}
