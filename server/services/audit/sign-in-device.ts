import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userDevices } from '../../db/schema';
import { appendAudit } from './append-audit';

/** "Chrome · Android": enough to tell a person's devices apart, nothing that identifies them further. */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : 'Otro navegador';
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : 'otro sistema';
  return `${browser} · ${os}`;
}

/** The network a sign-in came from, coarsely (IPv4 /24, IPv6 /48), so a changing address on one network is one device. */
export function networkOf(ip: string | null): string {
  if (!ip) return 'unknown';
  if (ip.includes(':')) return ip.split(':').slice(0, 3).join(':');
  return ip.split('.').slice(0, 3).join('.');
}

/**
 * Remembers the device (browser family, OS, network) a person signed in from. The first time a known account
 * signs in from one it has never used, an `auth.new_device` audit entry is appended. Never blocks the sign-in.
 */
export async function recordSignInDevice({ db, userId, userAgent, ip }: { db: Db; userId: string; userAgent: string; ip: string | null }) {
  const label = deviceLabel(userAgent);
  const network = networkOf(ip);
  const fingerprint = crypto.createHash('sha256').update(`${userId}\n${label}\n${network}`).digest('hex');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(userDevices)
      .values({ userId, fingerprint, label })
      .onConflictDoUpdate({ target: [userDevices.userId, userDevices.fingerprint], set: { lastSeenAt: sql`now()` } })
      .returning({ inserted: sql<boolean>`xmax = 0` });
    if (!row?.inserted) return { newDevice: false };
    const [other] = await tx.select({ f: userDevices.fingerprint }).from(userDevices).where(and(eq(userDevices.userId, userId), ne(userDevices.fingerprint, fingerprint))).limit(1);
    if (!other) return { newDevice: false };
    await appendAudit(tx, { actor: `user:${userId}`, action: 'auth.new_device', subject: `user:${userId}`, data: { device: label, network: `${network}.*` } });
    return { newDevice: true };
  });
}
