import { sql } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema';

const seen = new Set<string>();

/**
 * Creates the user's profile row the first time we see a verified identity. The Cognito post-confirmation
 * trigger does the same in the cloud; doing it here too keeps local and cloud alike and heals a missed trigger.
 */
export async function ensureUserProfile({ db, user }: { db: DbOrTx; user: SessionUser }): Promise<void> {
  if (seen.has(user.id)) return;
  await db
    .insert(users)
    .values({ id: user.id, email: user.email, displayName: user.name ?? null })
    .onConflictDoUpdate({ target: users.id, set: { email: sql`excluded.email` } });
  seen.add(user.id);
}
