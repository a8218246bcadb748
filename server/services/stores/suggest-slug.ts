import { and, eq, like, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { stores } from '../../db/schema';
import { slugify } from '../text/slugify';
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
  const free = (s: string) => !taken.has(s) && !RESERVED_SLUGS.has(s);
  if (free(base)) return { slug: base, available: true };
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}`;
    if (free(candidate)) return { slug: candidate, available: false };
  }
  return { slug: `${base}-${crypto.randomUUID().slice(0, 6)}`, available: false };
}
