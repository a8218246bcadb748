import { authAdapter, type AuthAdapter } from '../adapters/auth';
import { logger } from '../log/logger';
import { readSessionCookies } from './cookies';

/** Verified identity of the caller, taken from the HttpOnly session cookies. */
export type SessionUser = {
  /** Cognito `sub`. */
  id: string;
  email: string;
  name?: string;
  groups: string[];
  /** Epoch seconds of the last real sign-in (Cognito `auth_time`); see server/auth/recent-auth.ts. */
  authTime?: number;
};

/**
 * Verifies an access token and an id token of the same user and builds the session user from them:
 * groups from the access token (what Cognito authorizes), email/name from the id token. Throws when either
 * token is invalid, expired, of another pool/client, or when they belong to different users.
 */
export async function verifySessionTokens(
  tokens: { accessToken: string; idToken: string },
  auth: AuthAdapter = authAdapter(),
): Promise<SessionUser> {
  const [access, id] = await Promise.all([auth.verifyAccessToken(tokens.accessToken), auth.verifyIdToken(tokens.idToken)]);
  if (access.sub !== id.sub) throw new Error('access and id tokens belong to different users');
  return { id: access.sub, email: id.email, name: id.name, groups: access.groups, authTime: access.authTime };
}

/** Reads and verifies the session cookies; null when they are missing, invalid or expired. */
export async function getSessionUser(cookieHeader: string): Promise<SessionUser | null> {
  const { access: accessToken, id: idToken } = readSessionCookies(cookieHeader);
  if (!accessToken || !idToken) return null;
  try {
    return await verifySessionTokens({ accessToken, idToken });
  } catch (err) {
    // Expiry is the normal end of a token's life; anything else is worth a debug line, never an error page.
    logger.debug({ err: (err as Error).name }, 'session cookies rejected');
    return null;
  }
}

/** True when the request carries a session cookie, valid or not (an expired one can still be refreshed). */
export function hasSessionCookie(cookieHeader: string): boolean {
  const cookies = readSessionCookies(cookieHeader);
  return Boolean(cookies.access || cookies.refresh);
}
