import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClientConfig,
} from '@aws-sdk/client-cognito-identity-provider';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { RefreshedTokens, TotpApi, VerifiedAccessToken, VerifiedIdToken } from './index';

/** Upper bound for one Cognito API call, retries included. */
const CALL_TIMEOUT_MS = 8_000;

export function cognitoApiClient(config: Pick<CognitoIdentityProviderClientConfig, 'region' | 'endpoint' | 'credentials'>) {
  return new CognitoIdentityProviderClient({
    ...config,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 4_000 },
  });
}

export async function refreshWithToken(client: CognitoIdentityProviderClient, clientId: string, refreshToken: string): Promise<RefreshedTokens> {
  const out = await client.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }),
    { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
  );
  const r = out.AuthenticationResult;
  if (!r?.AccessToken || !r.IdToken) throw new Error('Cognito answered REFRESH_TOKEN_AUTH without tokens');
  return { accessToken: r.AccessToken, idToken: r.IdToken, refreshToken: r.RefreshToken };
}

export async function revokeRefreshToken(client: CognitoIdentityProviderClient, clientId: string, refreshToken: string): Promise<void> {
  await client.send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken }), { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
}

export async function globalSignOut(client: CognitoIdentityProviderClient, accessToken: string): Promise<void> {
  await client.send(new GlobalSignOutCommand({ AccessToken: accessToken }), { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
}

/**
 * TOTP (authenticator app) for the signed-in user, authorised by their own access token: GetUser lists the MFA
 * methods, AssociateSoftwareToken issues a secret, VerifySoftwareToken checks the first code, SetUserMFAPreference
 * turns TOTP on (preferred) or off. Same calls against Cognito and the cognito-local emulator.
 */
export function totpApi(client: CognitoIdentityProviderClient): TotpApi {
  const opts = () => ({ abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  return {
    async enabled(accessToken) {
      const out = await client.send(new GetUserCommand({ AccessToken: accessToken }), opts());
      return (out.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    },
    async associate(accessToken) {
      const out = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }), opts());
      if (!out.SecretCode) throw new Error('Cognito answered AssociateSoftwareToken without a secret');
      return out.SecretCode;
    },
    async verify(accessToken, code, deviceName) {
      const out = await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: deviceName }), opts());
      // The emulator answers without a Status on success; Cognito says SUCCESS or ERROR.
      if (out.Status === 'ERROR') return false;
      await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }), opts());
      return true;
    },
    async disable(accessToken) {
      await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } }), opts());
    },
  };
}

export function accessClaims(payload: JwtPayload): VerifiedAccessToken {
  const groups = payload['cognito:groups'];
  return {
    sub: String(payload.sub),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    exp: Number(payload.exp),
    // When the person last typed their password (kept across refreshes): what "recent sign-in" checks read.
    authTime: typeof payload.auth_time === 'number' ? payload.auth_time : undefined,
  };
}

export function idClaims(payload: JwtPayload): VerifiedIdToken {
  if (typeof payload.email !== 'string' || !payload.email) throw new Error('id token without email');
  return {
    sub: String(payload.sub),
    email: payload.email,
    name: typeof payload.name === 'string' && payload.name ? payload.name : undefined,
    exp: Number(payload.exp),
  };
}
