import { relations, sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stores, users } from './identity';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const productStatus = pgEnum('product_status', ['active', 'archived']);
export const mediaStatus = pgEnum('media_status', ['pending', 'ready', 'failed']);
export const mediaKind = pgEnum('media_kind', ['image', 'video']);

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    nameEs: text('name_es').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: uuid('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('categories_slug_idx').on(t.slug)],
);

/** Every uploaded file. A row is created when the upload URL is issued and becomes ready once the bytes check out. */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    kind: mediaKind('kind').notNull().default('image'),
    key: text('key').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    status: mediaStatus('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('media_key_idx').on(t.key), index('media_store_id_idx').on(t.storeId)],
);

export type ProductOption = { name: string; values: string[] };

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    status: productStatus('status').notNull().default('active'),
    /** Base price; a variant may override it. Integer minor units. */
    price: bigint('price', { mode: 'number' }).notNull(),
    compareAtPrice: bigint('compare_at_price', { mode: 'number' }),
    currency: char('currency', { length: 3 }).notNull(),
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    /** Maintained by a trigger on product_variants (see drizzle custom migration). */
    priceMin: bigint('price_min', { mode: 'number' }).notNull().default(0),
    stockTotal: integer('stock_total').notNull().default(0),
    salesCount: integer('sales_count').notNull().default(0),
    featured: integer('featured').notNull().default(0),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        // vita_es = spanish stemming after unaccent (custom migration 0003), so "tecnologia" finds "Tecnología".
        sql`setweight(to_tsvector('vita_es', coalesce(${products.title}, '')), 'A') || setweight(to_tsvector('vita_es', coalesce(${products.description}, '')), 'B')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Set when the owner's plan dropped and this product is over the limit: still sold, not editable. */
    readOnlySince: timestamp('read_only_since', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('products_store_id_slug_idx').on(t.storeId, t.slug),
    index('products_store_id_status_idx').on(t.storeId, t.status),
    index('products_status_created_at_idx').on(t.status, t.createdAt),
    index('products_category_id_idx').on(t.categoryId),
    index('products_search_vector_idx').using('gin', t.searchVector),
    check('products_price_nonneg', sql`${t.price} >= 0`),
    check('products_compare_at_gt_price', sql`${t.compareAtPrice} IS NULL OR ${t.compareAtPrice} > ${t.price}`),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    mediaId: uuid('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    alt: text('alt').notNull().default(''),
  },
  (t) => [
    uniqueIndex('product_images_product_id_media_id_idx').on(t.productId, t.mediaId),
    index('product_images_product_id_position_idx').on(t.productId, t.position),
  ],
);

/** A product without options still has exactly one variant, so stock and price live in one place. */
export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** e.g. {"Talla":"M","Color":"Rojo"}; {} for the default variant. */
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    sku: text('sku'),
    price: bigint('price', { mode: 'number' }),
    compareAtPrice: bigint('compare_at_price', { mode: 'number' }),
    stock: integer('stock').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('product_variants_product_id_idx').on(t.productId),
    check('product_variants_stock_nonneg', sql`${t.stock} >= 0`),
    check('product_variants_reserved_range', sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.stock}`),
    check('product_variants_price_nonneg', sql`${t.price} IS NULL OR ${t.price} >= 0`),
  ],
);

/**
 * Distinct accent-folded words of product titles: the vocabulary search corrects typos and completes partial words
 * against ("zapatilas" → "zapatillas", "zapat" → "zapatos"). Filled by triggers on products (migration 0004).
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_words_word_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);

export const productsRelations = relations(products, ({ one, many }) => ({
  store: one(stores, { fields: [products.storeId], references: [stores.id] }),
  category: one(categories, { fields: [products.categoryId], references: [categories.id] }),
  images: many(productImages),
  variants: many(productVariants),
}));
export const productImagesRelations = relations(productImages, ({ one }) => ({
  product: one(products, { fields: [productImages.productId], references: [products.id] }),
  media: one(media, { fields: [productImages.mediaId], references: [media.id] }),
}));
export const productVariantsRelations = relations(productVariants, ({ one }) => ({
  product: one(products, { fields: [productVariants.productId], references: [products.id] }),
}));

export type Category = typeof categories.$inferSelect;
export type Media = typeof media.$inferSelect;
export type Product = typeof products.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;
export type ProductVariant = typeof productVariants.$inferSelect;
