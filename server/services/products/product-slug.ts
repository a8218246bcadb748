import { and, eq, like, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { products } from '../../db/schema';
import { firstFreeSlug, slugify } from '../text/slugify';

/** A slug unique within the store, derived from the title: "polo-pima", "polo-pima-2", … */
export async function uniqueProductSlug({
  db,
  storeId,
  title,
  exceptProductId,
}: {
  db: DbOrTx;
  storeId: string;
  title: string;
  exceptProductId?: string;
}): Promise<string> {
  const base = slugify(title, 70) || 'producto';
  const taken = new Set(
    (
      await db
        .select({ slug: products.slug })
        .from(products)
        .where(
          and(
            eq(products.storeId, storeId),
            or(eq(products.slug, base), like(products.slug, `${base}-%`)),
            exceptProductId ? ne(products.id, exceptProductId) : undefined,
          ),
        )
    ).map((r) => r.slug),
  );
  return firstFreeSlug(base, (slug) => taken.has(slug));
}
