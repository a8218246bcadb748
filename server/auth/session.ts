/** Verified identity of the caller, taken from the HttpOnly session cookies. Implemented by the auth work. */
export type SessionUser = {
  /** Cognito `sub`. */
  id: string;
  email: string;
  name?: string;
  groups: string[];
};
