import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bearer token that guards /api/metrics: METRICS_TOKEN in the cloud; locally generated once into the data dir
 * (`<VITA_DATA_DIR>/metrics-token`, mode 0600) and read from there. With neither, metrics are closed.
 */
export function metricsToken(): string | null {
  if (process.env.METRICS_TOKEN) return process.env.METRICS_TOKEN;
  if (process.env.NODE_ENV === 'production' && !process.env.VITA_DATA_DIR && !process.env.VITA_DATA_ID) return null;
  const dir = path.resolve(process.env.VITA_DATA_DIR ?? '.data');
  const file = path.join(dir, 'metrics-token');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const token = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, token, { mode: 0o600, flag: 'wx' });
    return fs.readFileSync(file, 'utf8').trim();
  }
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function metricsAuthorized(authorization: string | null, expected: string | null): boolean {
  if (!expected || !authorization?.startsWith('Bearer ')) return false;
  const a = crypto.createHash('sha256').update(authorization.slice(7).trim()).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
