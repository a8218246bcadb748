import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors/app-error';

// Admins suspend and restore accounts in server/services/admin/users.ts; these are the checks at every way in.

/** True while an admin has the account suspended. One primary-key read; a missing row (first sign-in) is not suspended. */
export async function isUserSuspended(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.suspendedAt);
}

/** The typed refusal every authed entry point gives a suspended account. */
export function accountSuspendedError(): AppError {
  return new AppError('FORBIDDEN', {
    key: 'auth.accountSuspended',
    data: { reason: 'ACCOUNT_SUSPENDED' },
  });
}
