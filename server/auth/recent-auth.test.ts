import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error';
import { assertRecentSignIn } from './recent-auth';

describe('assertRecentSignIn', () => {
  const now = Date.parse('2030-01-01T12:00:00Z');
  const s = (iso: string) => Math.floor(Date.parse(iso) / 1000);

  it('passes a sign-in within the window', () => {
    expect(() => assertRecentSignIn({ authTime: s('2030-01-01T11:50:00Z') }, { maxAgeMinutes: 15, now })).not.toThrow();
  });

  it('refuses an older sign-in or a session without auth_time with a typed error', () => {
    for (const authTime of [s('2030-01-01T11:44:59Z'), undefined]) {
      let err: unknown;
      try {
        assertRecentSignIn({ authTime }, { maxAgeMinutes: 15, now });
      } catch (e) {
        err = e;
      }
      expect(isAppError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'FORBIDDEN', data: { reason: 'RECENT_AUTH_REQUIRED', maxAgeMinutes: 15 } });
    }
  });
});
