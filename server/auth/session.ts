/** Verified identity of the caller, taken from the HttpOnly session cookies. Implemented by the auth work. */
export type SessionUser = {
  /** Cognito `sub`. */
  id: string;
  email: string;
  name?: string;
  groups: string[];
};

/** Reads and verifies the session cookies. (Replaced by the real verifier in the auth work.) */
export async function getSessionUser(_cookieHeader: string): Promise<SessionUser | null> {
  return null;
}
