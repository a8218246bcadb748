import { env } from '../../env';
import { createCloudAuth } from './aws';
import { createLocalAuth } from './local';

/** Claims we rely on from a verified Cognito access token. */
export type VerifiedAccessToken = { sub: string; groups: string[]; exp: number; /** epoch seconds of the last real sign-in */ authTime?: number };
/** Claims we rely on from a verified Cognito id token. */
export type VerifiedIdToken = { sub: string; email: string; name?: string; exp: number };
export type RefreshedTokens = { accessToken: string; idToken: string; /** only when the pool rotates refresh tokens */ refreshToken?: string };

/** The signed-in user's authenticator-app MFA, each call authorised by their access token. */
export interface TotpApi {
  enabled(accessToken: string): Promise<boolean>;
  /** A new secret (base32) to put in the authenticator app; TOTP is not on until `verify` succeeds. */
  associate(accessToken: string): Promise<string>;
  /** Checks a code from the app against the associated secret; on success TOTP becomes the preferred MFA. */
  verify(accessToken: string, code: string, deviceName?: string): Promise<boolean>;
  disable(accessToken: string): Promise<void>;
}

/**
 * Cognito as the server sees it. Both implementations verify signatures against the pool's JWKS and call the
 * Cognito API for refresh/sign-out; they differ in how the issuer is trusted (the emulator's `http:` issuer and
 * `local_…` pool id are rejected by CognitoJwtVerifier) and in which sign-out calls exist.
 */
export interface AuthAdapter {
  /** Throws unless the token is an unexpired access token of our pool and our app client. */
  verifyAccessToken(token: string): Promise<VerifiedAccessToken>;
  /** Throws unless the token is an unexpired id token of our pool issued to our app client. */
  verifyIdToken(token: string): Promise<VerifiedIdToken>;
  /** REFRESH_TOKEN_AUTH; throws when Cognito refuses the refresh token. */
  refresh(refreshToken: string): Promise<RefreshedTokens>;
  /** Best effort: never throws. */
  signOut(tokens: { accessToken?: string; refreshToken?: string }): Promise<void>;
  totp: TotpApi;
}

export type AuthConfig =
  | { mode: 'cognito'; region: string; userPoolId: string; clientId: string }
  | { mode: 'local'; endpoint: string; userPoolId: string; clientId: string };

export function createAuthAdapter(config: AuthConfig): AuthAdapter {
  return config.mode === 'local' ? createLocalAuth(config) : createCloudAuth(config);
}

let cached: AuthAdapter | undefined;

/** The process-wide adapter, chosen by AUTH_MODE once. */
export function authAdapter(): AuthAdapter {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_MODE === 'local') {
    if (!e.COGNITO_ENDPOINT) throw new Error('AUTH_MODE=local needs COGNITO_ENDPOINT (start the app with npm run dev)');
    cached = createAuthAdapter({ mode: 'local', endpoint: e.COGNITO_ENDPOINT, userPoolId: e.COGNITO_USER_POOL_ID, clientId: e.COGNITO_CLIENT_ID });
  } else {
    cached = createAuthAdapter({ mode: 'cognito', region: e.COGNITO_REGION, userPoolId: e.COGNITO_USER_POOL_ID, clientId: e.COGNITO_CLIENT_ID });
  }
  return cached;
}
