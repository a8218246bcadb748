import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { storeMembers, users } from '../../db/schema';

/** The account whose plan governs the store's limits. */
export async function storeOwnerId(db: DbOrTx, storeId: string): Promise<string> {
  const [owner] = await db
    .select({ userId: storeMembers.userId })
    .from(storeMembers)
    .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.role, 'owner')))
    .limit(1);
  if (!owner) throw new Error(`store ${storeId} has no owner`);
  return owner.userId;
}

/** Where to write to the store's owner (email and language), or null for a store without an owner row. */
export async function storeOwnerContact(db: DbOrTx, storeId: string): Promise<{ email: string; locale: string } | null> {
  const [row] = await db
    .select({ email: users.email, locale: users.locale })
    .from(storeMembers)
    .innerJoin(users, eq(users.id, storeMembers.userId))
    .where(and(eq(storeMembers.storeId, storeId), eq(storeMembers.role, 'owner')))
    .limit(1);
  return row ?? null;
}
