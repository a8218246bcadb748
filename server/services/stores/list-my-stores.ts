import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { media, storeMembers, stores } from '../../db/schema';

/** The stores the user is a member of, with the role and the logo's storage key. */
export async function listMyStores({ db, userId }: { db: DbOrTx; userId: string }) {
  return db
    .select({
      id: stores.id,
      slug: stores.slug,
      name: stores.name,
      description: stores.description,
      brandColor: stores.brandColor,
      whatsapp: stores.whatsapp,
      currency: stores.currency,
      status: stores.status,
      kycStatus: stores.kycStatus,
      logoMediaId: stores.logoMediaId,
      logoKey: media.key,
      role: storeMembers.role,
      createdAt: stores.createdAt,
    })
    .from(storeMembers)
    .innerJoin(stores, eq(stores.id, storeMembers.storeId))
    .leftJoin(media, eq(media.id, stores.logoMediaId))
    .where(eq(storeMembers.userId, userId))
    .orderBy(asc(stores.createdAt));
}
