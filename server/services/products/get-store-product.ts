import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { media, productImages, productVariants, products, type Store } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** One product of this store for the editor, with images in order and variants. NOT_FOUND for any other store's id. */
export async function getStoreProduct({ db, store, productId }: { db: DbOrTx; store: Store; productId: string }) {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.storeId, store.id)));
  if (!product) throw new AppError('NOT_FOUND', { key: 'notFound.product' });
  const [images, variants] = await Promise.all([
    db
      .select({ mediaId: productImages.mediaId, position: productImages.position, key: media.key, width: media.width, height: media.height })
      .from(productImages)
      .innerJoin(media, eq(media.id, productImages.mediaId))
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position)),
    db.select().from(productVariants).where(eq(productVariants.productId, product.id)).orderBy(asc(productVariants.position)),
  ]);
  const { searchVector: _sv, ...rest } = product;
  return { ...rest, images, variants };
}
