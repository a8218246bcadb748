import crypto from 'node:crypto';

/**
 * Constant-time check of a guest's access token (a checkout's `?t=`) against the stored one. Both are hashed first,
 * so neither their contents nor their lengths leak through timing. A missing token never matches.
 */
export function accessTokenMatches(presented: string | null | undefined, stored: string): boolean {
  if (!presented) return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(stored).digest();
  return crypto.timingSafeEqual(a, b);
}
