import { and, eq, like, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { stores } from '../../db/schema';
import { firstFreeSlug, slugify } from '../text/slugify';
import { RESERVED_SLUGS } from './schemas';

/** First free slug among base, base-2, base-3, … (ignoring the store being edited). */
export async function suggestStoreSlug({
  db,
  name,
  exceptStoreId,
}: {
  db: DbOrTx;
  name: string;
  exceptStoreId?: string;
}): Promise<{ slug: string; available: boolean }> {
  let base = slugify(name, 44);
  if (base.length < 3) base = base ? `tienda-${base}` : 'mi-tienda';
  const taken = new Set(
    (
      await db
        .select({ slug: stores.slug })
        .from(stores)
        .where(
          and(
            or(eq(stores.slug, base), like(stores.slug, `${base}-%`)),
            exceptStoreId ? ne(stores.id, exceptStoreId) : undefined,
          ),
        )
    ).map((r) => r.slug),
  );
  const slug = firstFreeSlug(base, (s) => taken.has(s) || RESERVED_SLUGS.has(s));
  return { slug, available: slug === base };
}
