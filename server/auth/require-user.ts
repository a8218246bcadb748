import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { safeNextPath } from './next-path';
import { getSessionUser, hasSessionCookie, type SessionUser } from './session';

const sessionFromRequest = cache(async () => {
  const cookieHeader = (await headers()).get('cookie') ?? '';
  return { user: await getSessionUser(cookieHeader), cookieHeader };
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
