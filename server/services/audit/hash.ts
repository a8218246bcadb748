import crypto from 'node:crypto';
import { canonicalJson } from '../../crypto/canonical-json';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(128);

export type AuditFields = { at: Date; actor: string; action: string; subject: string; data: Record<string, unknown> };

/**
 * The canonical form an entry's hash covers. `seq` is deliberately left out: position is proven by prev_hash, so
 * a reordered row is told apart from an edited one (its own hash still matches, its link does not).
 */
export function canonicalEntry(e: AuditFields): string {
  return canonicalJson({ at: e.at.toISOString(), actor: e.actor, action: e.action, subject: e.subject, data: e.data });
}

/** SHA-512(prev_hash ‖ canonical entry), hex. */
export function entryHash(prevHash: string, e: AuditFields): string {
  return crypto.createHash('sha512').update(prevHash).update(canonicalEntry(e)).digest('hex');
}
