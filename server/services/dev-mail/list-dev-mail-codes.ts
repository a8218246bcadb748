import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What the message carrying a code was for. */
export type DevMailKind = 'sign-up' | 'reset-password' | 'verify-email' | 'sign-in';

export type DevMailCode = {
  email: string;
  code: string;
  kind: DevMailKind;
  /** Cognito's user status at the time of reading (UNCONFIRMED, CONFIRMED, …). */
  userStatus: string;
  /** When the emulator last changed the user, i.e. when the pending code was issued (or later). */
  issuedAt: Date;
};

const ZEmulatorUser = z
  .object({
    Attributes: z.array(z.object({ Name: z.string(), Value: z.string().optional() })).default([]),
    UserStatus: z.string().default('UNKNOWN'),
    UserLastModifiedDate: z.coerce.date().optional(),
    UserCreateDate: z.coerce.date().optional(),
    ConfirmationCode: z.string().optional(),
    AttributeVerificationCode: z.string().optional(),
    MFACode: z.string().optional(),
  })
  .passthrough();

const ZEmulatorPool = z.object({ Users: z.record(z.string(), z.unknown()).default({}) }).passthrough();

/**
 * The codes cognito-local is waiting for, read from its user database (`<dataDir>/.cognito/db/<poolId>.json`),
 * newest first. The emulator "sends" mail only to its console and forgets a code once it is used, so this
 * lists pending codes: one for sign-up (unconfirmed user) or password reset, email verification, sign-in MFA.
 */
export async function listDevMailCodes({ dataDir, userPoolId }: { dataDir: string; userPoolId: string }): Promise<DevMailCode[]> {
  if (!/^[\w-]+$/.test(userPoolId)) throw new Error(`unexpected user pool id ${userPoolId}`);
  const file = path.join(dataDir, '.cognito', 'db', `${userPoolId}.json`);
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // Caught the emulator mid-write; the next read will see the whole file.
    return [];
  }
  const pool = ZEmulatorPool.safeParse(parsed);
  if (!pool.success) return [];
  const codes: DevMailCode[] = [];
  for (const value of Object.values(pool.data.Users)) {
    const user = ZEmulatorUser.safeParse(value);
    if (!user.success) continue;
    const u = user.data;
    const email = u.Attributes.find((a) => a.Name === 'email')?.Value;
    if (!email) continue;
    const issuedAt = u.UserLastModifiedDate ?? u.UserCreateDate ?? new Date(0);
    const base = { email, userStatus: u.UserStatus, issuedAt };
    if (u.ConfirmationCode) {
      codes.push({ ...base, code: u.ConfirmationCode, kind: u.UserStatus === 'UNCONFIRMED' ? 'sign-up' : 'reset-password' });
    }
    if (u.AttributeVerificationCode) codes.push({ ...base, code: u.AttributeVerificationCode, kind: 'verify-email' });
    if (u.MFACode) codes.push({ ...base, code: u.MFACode, kind: 'sign-in' });
  }
  return codes.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || a.email.localeCompare(b.email));
}
