import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { storeMembers } from '../../db/schema';

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
