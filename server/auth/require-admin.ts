import 'server-only';
import { notFound } from 'next/navigation';
import { api } from '../trpc/server';
import { requireUser } from './require-user';
import type { SessionUser } from './session';

/**
 * For the admin console's server components: a signed-in member of the Cognito group `admins`, else a 404 (the
 * console's existence is not advertised). Every admin page calls it itself — Next renders a page alongside its
 * layout, so the layout's check alone does not stop the page's admin queries, whose FORBIDDEN would end up as an
 * uncaught server error (a 500 and an error log line) instead of the 404.
 */
export async function requireAdmin(nextPath: string): Promise<SessionUser> {
  const user = await requireUser(nextPath);
  if (!user.groups.includes('admins')) notFound();
  return user;
}

/** The server-side tRPC caller for an admin page, after requireAdmin(nextPath). */
export async function adminApi(nextPath: string) {
  await requireAdmin(nextPath);
  return api();
}
