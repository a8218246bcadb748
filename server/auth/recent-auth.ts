import { env } from '../env';
import { AppError } from '../errors/app-error';
import type { SessionUser } from './session';

/**
 * Sensitive actions (payouts, role changes) need a sign-in from the last few minutes, not just a live session: a
 * stolen cookie or an unattended phone is not enough. Cognito's `auth_time` is when the password (and MFA) was last
 * entered; refreshing tokens does not move it. Throws FORBIDDEN with `reason: 'RECENT_AUTH_REQUIRED'` — the UI
 * answers it by sending the person through /ingresar again.
 */
export function assertRecentSignIn(user: Pick<SessionUser, 'authTime'>, opts: { maxAgeMinutes?: number; now?: number } = {}): void {
  const maxAgeS = (opts.maxAgeMinutes ?? env().RECENT_AUTH_MINUTES) * 60;
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (user.authTime === undefined || now - user.authTime > maxAgeS) {
    throw new AppError('FORBIDDEN', {
      key: 'auth.recentAuthRequired',
      data: { reason: 'RECENT_AUTH_REQUIRED', maxAgeMinutes: maxAgeS / 60, signedInAt: user.authTime ?? null },
    });
  }
}
