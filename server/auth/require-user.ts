import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../db/client';
import { isUserSuspended } from '../services/identity/suspension';
import { safeNextPath } from './next-path';
import { getSessionUser, hasSessionCookie, type SessionUser } from './session';

const sessionFromRequest = cache(async () => {
  const cookieHeader = (await headers()).get('cookie') ?? '';
  const user = await getSessionUser(cookieHeader);
  // A suspended account is signed out for pages: requireUser sends it through the refresh route, which refuses it
  // and clears the cookies (server/auth/session-routes.ts).
  if (user && (await isUserSuspended(getDb(), user.id))) return { user: null, cookieHeader };
  return { user, cookieHeader };
});

/**
 * For server components and server actions that need a signed-in user. Without a valid session: if session
 * cookies are present (the access token merely expired) go through the refresh route, which comes back to
 * `nextPath`; otherwise go to the sign-in page, which also comes back to `nextPath`.
 */
export async function requireUser(nextPath: string): Promise<SessionUser> {
  const { user, cookieHeader } = await sessionFromRequest();
  if (user) return user;
  const next = encodeURIComponent(safeNextPath(nextPath));
  if (hasSessionCookie(cookieHeader)) redirect(`/api/auth/refresh?next=${next}`);
  redirect(`/ingresar?next=${next}`);
}

/** The signed-in user for this request, or null (no redirects) — for pages that render differently when signed in. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await sessionFromRequest()).user;
}
