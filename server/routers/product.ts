import { revalidateStorefront } from '../cache/revalidate';
import { getStoreProduct } from '../services/products/get-store-product';
import { listStoreProducts } from '../services/products/list-store-products';
import {
  ZCreateProductInput,
  ZListStoreProductsInput,
  ZProductRef,
  ZSetVariantStockInput,
  ZUpdateProductInput,
} from '../services/products/schemas';
import { setProductStatus } from '../services/products/set-product-status';
import { setVariantStock } from '../services/products/set-variant-stock';
import { createProduct, updateProduct } from '../services/products/write-product';
import { createTRPCRouter, sellerProcedure } from '../trpc/init';

export const productRouter = createTRPCRouter({
  list: sellerProcedure.meta({ permission: 'products.read' }).input(ZListStoreProductsInput).query(({ ctx, input }) => listStoreProducts({ db: ctx.db, store: ctx.store, input })),

  get: sellerProcedure.meta({ permission: 'products.read' }).input(ZProductRef).query(({ ctx, input }) => getStoreProduct({ db: ctx.db, store: ctx.store, productId: input.productId })),

  create: sellerProcedure.meta({ permission: 'products.write' }).input(ZCreateProductInput).mutation(async ({ ctx, input }) => {
    const product = await createProduct({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: ctx.store.slug, productSlug: product.slug });
    return product;
  }),

  update: sellerProcedure.meta({ permission: 'products.write' }).input(ZUpdateProductInput).mutation(async ({ ctx, input }) => {
    const product = await updateProduct({ db: ctx.db, store: ctx.store, userId: ctx.user.id, input });
    revalidateStorefront({ storeSlug: ctx.store.slug, productSlug: product.slug });
    return product;
  }),

  archive: sellerProcedure.meta({ permission: 'products.write' }).input(ZProductRef).mutation(async ({ ctx, input }) => {
    const product = await setProductStatus({ db: ctx.db, store: ctx.store, productId: input.productId, status: 'archived' });
    revalidateStorefront({ storeSlug: ctx.store.slug, productSlug: product.slug });
    return product;
  }),

  restore: sellerProcedure.meta({ permission: 'products.write' }).input(ZProductRef).mutation(async ({ ctx, input }) => {
    const product = await setProductStatus({ db: ctx.db, store: ctx.store, productId: input.productId, status: 'active' });
    revalidateStorefront({ storeSlug: ctx.store.slug, productSlug: product.slug });
    return product;
  }),

  setStock: sellerProcedure.meta({ permission: 'products.write' }).input(ZSetVariantStockInput).mutation(async ({ ctx, input }) => {
    const result = await setVariantStock({ db: ctx.db, store: ctx.store, input });
    revalidateStorefront({ storeSlug: ctx.store.slug, productSlug: result.productSlug });
    return result;
  }),
});
