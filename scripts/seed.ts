/**
 * Demo data: categories, ten Latin American stores owned by demo users, ~100 products with variants, stock and
 * generated photos. Idempotent: rows are upserted by natural keys (category slug, store slug, product
 * (store, slug), variant sku, media key) and only written when they differ, so a second run changes nothing.
 * Variant stock is set on insert only, so re-seeding never undoes purchases made while trying the app.
 *
 *   npm run db:seed            (DATABASE_URL, or the embedded dev PostgreSQL in .data/pg)
 *   seedIfEmpty(url, { log })  (called by scripts/local-stack.ts on dev/start/build)
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import path from 'node:path';
import { createDb, type Db } from '../server/db/client';
import {
  categories,
  coupons,
  deliveryOptions,
  media,
  productImages,
  products,
  productVariants,
  storeMembers,
  stores,
  users,
} from '../server/db/schema';
import { LocalMediaStorage } from '../server/adapters/media/local';
import type { MediaStorage } from '../server/adapters/media';
import { minorUnitDigits } from '../components/ui/money';
import { COLOR_HEX, DEMO_CATEGORIES, DEMO_STORES, type DemoProduct, type DemoStore } from './seed/data';
import { productSvg, renderSvg, storeLogoSvg, svgFingerprint, type ImageSpec, type RenderedImage } from './seed/images';

type Log = (line: string) => void;
type SeedStorage = Pick<MediaStorage, 'putObject' | 'headObject' | 'deleteObject'>;

/** Seeds only when the database has no store at all (a fresh dev database). */
export async function seedIfEmpty(url: string, opts: { log: Log }): Promise<boolean> {
  const { sql: pg, db } = createDb(url, 4);
  try {
    const [row] = await pg<{ any: boolean }[]>`select exists(select 1 from stores) as any`;
    if (row?.any) return false;
    await seedDemo({ db, storage: await seedStorage(), log: opts.log });
    return true;
  } finally {
    await pg.end();
  }
}

async function seedStorage(): Promise<SeedStorage> {
  if (process.env.MEDIA_DRIVER === 's3') {
    const { getMediaStorage } = await import('../server/adapters/media');
    return getMediaStorage();
  }
  // Only putObject/headObject are used here; nothing is signed, so any secret of the right length will do.
  return new LocalMediaStorage({
    // Same default as scripts/local-stack.ts: <data dir>/media.
    dir: path.resolve(process.env.MEDIA_DIR ?? path.join(process.env.VITA_DATA_DIR ?? '.data', 'media')),
    secret: process.env.MEDIA_SIGNING_SECRET ?? 'seed-writes-objects-and-signs-no-urls',
  });
}

export type SeedStats = { categories: number; stores: number; products: number; variants: number; images: number; rendered: number };

export async function seedDemo({ db, storage, log }: { db: Db; storage: SeedStorage; log: Log }): Promise<SeedStats> {
  const started = Date.now();
  const stats: SeedStats = { categories: 0, stores: 0, products: 0, variants: 0, images: 0, rendered: 0 };

  await db
    .insert(categories)
    .values(DEMO_CATEGORIES.map((c, i) => ({ slug: c.slug, nameEs: c.nameEs, nameEn: c.nameEn, sortOrder: i })))
    .onConflictDoUpdate({
      target: categories.slug,
      set: { nameEs: sql`excluded.name_es`, nameEn: sql`excluded.name_en`, sortOrder: sql`excluded.sort_order` },
      setWhere: sql`(${categories.nameEs}, ${categories.nameEn}, ${categories.sortOrder}) is distinct from (excluded.name_es, excluded.name_en, excluded.sort_order)`,
    });
  const cats = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  const categoryId = new Map(cats.map((c) => [c.slug, c.id]));
  stats.categories = DEMO_CATEGORIES.length;

  for (const [storeIndex, demo] of DEMO_STORES.entries()) {
    await seedStore({ db, storage, demo, storeIndex, categoryId, stats });
  }
  log(
    `seed: ${stats.stores} stores, ${stats.products} products, ${stats.variants} variants, ${stats.images} photos ` +
      `(${stats.rendered} rendered) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return stats;
}

function textArray(values: string[]) {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function slugPart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** jsonb does not keep key order, so compare option maps as sorted entries. */
function sameOptions(a: Record<string, string>, b: Record<string, string>): boolean {
  const norm = (o: Record<string, string>) => JSON.stringify(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
}

function cartesian(axes: Array<[string, string[]]>): Array<Record<string, string>> {
  let rows: Array<Record<string, string>> = [{}];
  for (const [name, values] of axes) rows = rows.flatMap((r) => values.map((v) => ({ ...r, [name]: v })));
  return rows;
}

/** Demo content is dated from a fixed day so re-seeding is stable; products of different stores interleave. */
const SEED_EPOCH = Date.UTC(2026, 10, 20, 15, 0, 0);

function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** minorUnitDigits(currency));
}

function photoSpecs(store: DemoStore, p: DemoProduct): ImageSpec[] {
  const colorAxis = p.options?.find(([name]) => name === 'Color')?.[1];
  const palette = p.colors ?? colorAxis?.map((c) => COLOR_HEX[c] ?? store.brandColor) ?? [store.brandColor];
  return Array.from({ length: p.photos }, (_, shot) => ({
    kind: p.kind,
    color: palette[shot % palette.length] ?? store.brandColor,
    accent: p.accent ?? store.brandColor,
    label: p.label,
    sublabel: p.sublabel,
    shot,
    seed: `${store.slug}/${p.slug}`,
  }));
}

type MediaRow = { key: string; bytes: number; width: number; height: number };

/**
 * Writes an object unless it is already stored. Keys carry the drawing's fingerprint, so an existing key always
 * holds the same picture (objects are immutable; caches may keep them forever).
 */
async function ensureImage(
  storage: SeedStorage,
  key: string,
  render: () => Promise<RenderedImage>,
  known: Map<string, { bytes: number; width: number | null; height: number | null }>,
  stats: SeedStats,
): Promise<MediaRow> {
  const row = known.get(key);
  if (row && row.width && row.height) {
    const head = await storage.headObject(key);
    if (head && head.bytes === row.bytes) return { key, bytes: row.bytes, width: row.width, height: row.height };
  }
  const img = await render();
  await storage.putObject(key, img.bytes, 'image/webp');
  stats.rendered++;
  return { key, bytes: img.bytes.length, width: img.width, height: img.height };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

async function seedStore(opts: {
  db: Db;
  storage: SeedStorage;
  demo: DemoStore;
  storeIndex: number;
  categoryId: Map<string, string>;
  stats: SeedStats;
}): Promise<void> {
  const { db, storage, demo, storeIndex, categoryId, stats } = opts;
  const ownerId = `demo-${demo.slug}`;
  const prefix = `seed/${demo.slug}/`;
  const existingMedia = await db
    .select({ key: media.key, bytes: media.bytes, width: media.width, height: media.height })
    .from(media)
    .where(sql`${media.key} like ${prefix + '%'}`);
  const known = new Map(existingMedia.map((m) => [m.key, m]));

  // Photos first (outside the transaction): the slow part, skipped when already on disk.
  const logoDrawing = storeLogoSvg(demo.name, demo.brandColor);
  const logo = await ensureImage(storage, `${prefix}logo-${svgFingerprint(logoDrawing)}.webp`, () => renderSvg(logoDrawing, 256, 90), known, stats);
  const photos = await mapLimit(
    demo.products.flatMap((p) =>
      photoSpecs(demo, p).map((spec, n) => {
        const svg = productSvg(spec);
        return { p, spec, svg, key: `${prefix}${p.slug}-${n + 1}-${svgFingerprint(svg)}.webp` };
      }),
    ),
    4,
    async ({ p, spec, svg, key }) => ({ slug: p.slug, n: spec.shot, ...(await ensureImage(storage, key, () => renderSvg(svg, 800), known, stats)) }),
  );
  const currentKeys = [logo.key, ...photos.map((ph) => ph.key)];
  const staleKeys: string[] = [];

  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id: ownerId, email: demo.ownerEmail, displayName: demo.ownerName })
      .onConflictDoNothing();

    const mediaRows = [logo, ...photos].map((m) => ({
      ownerUserId: ownerId,
      kind: 'image' as const,
      key: m.key,
      mime: 'image/webp',
      bytes: m.bytes,
      width: m.width,
      height: m.height,
      status: 'ready' as const,
    }));
    await tx
      .insert(media)
      .values(mediaRows)
      .onConflictDoUpdate({
        target: media.key,
        set: { bytes: sql`excluded.bytes`, width: sql`excluded.width`, height: sql`excluded.height`, status: sql`excluded.status` },
        setWhere: sql`(${media.bytes}, ${media.width}, ${media.height}, ${media.status}) is distinct from (excluded.bytes, excluded.width, excluded.height, excluded.status)`,
      });
    const mediaIds = new Map(
      (await tx.select({ id: media.id, key: media.key }).from(media).where(sql`${media.key} like ${prefix + '%'}`)).map((m) => [m.key, m.id]),
    );

    const storeValues = {
      slug: demo.slug,
      name: demo.name,
      description: demo.description,
      brandColor: demo.brandColor,
      whatsapp: demo.whatsapp,
      currency: demo.currency,
      status: 'active' as const,
      kycStatus: demo.verified ? ('approved' as const) : ('unverified' as const),
      verifiedAt: demo.verified ? new Date(SEED_EPOCH - 90 * 86_400_000) : null,
      featured: demo.featured ? DEMO_STORES.length - storeIndex : 0,
      logoMediaId: mediaIds.get(logo.key) ?? null,
      createdAt: new Date(SEED_EPOCH - (200 + storeIndex * 17) * 86_400_000),
    };
    await tx
      .insert(stores)
      .values(storeValues)
      .onConflictDoUpdate({
        target: stores.slug,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          brandColor: sql`excluded.brand_color`,
          whatsapp: sql`excluded.whatsapp`,
          currency: sql`excluded.currency`,
          kycStatus: sql`excluded.kyc_status`,
          verifiedAt: sql`excluded.verified_at`,
          featured: sql`excluded.featured`,
          logoMediaId: sql`excluded.logo_media_id`,
        },
        setWhere: sql`(${stores.name}, ${stores.description}, ${stores.brandColor}, ${stores.whatsapp}, ${stores.currency}, ${stores.kycStatus}, ${stores.verifiedAt}, ${stores.featured}, ${stores.logoMediaId})
          is distinct from (excluded.name, excluded.description, excluded.brand_color, excluded.whatsapp, excluded.currency, excluded.kyc_status, excluded.verified_at, excluded.featured, excluded.logo_media_id)`,
      });
    const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.slug, demo.slug));
    if (!store) throw new Error(`store ${demo.slug} missing after upsert`);
    await tx.insert(storeMembers).values({ storeId: store.id, userId: ownerId, role: 'owner' }).onConflictDoNothing();
    await tx.update(media).set({ storeId: store.id }).where(and(sql`${media.key} like ${prefix + '%'}`, sql`${media.storeId} is distinct from ${store.id}`));
    stats.stores++;

    await seedCommerceSettings(tx, store.id, demo.currency);

    const productValues = demo.products.map((p, productIndex) => {
      const createdAt = new Date(SEED_EPOCH - (productIndex * DEMO_STORES.length + storeIndex) * 5.5 * 3_600_000);
      return {
        storeId: store.id,
        slug: p.slug,
        title: p.title,
        description: p.description,
        categoryId: categoryId.get(p.category) ?? null,
        status: p.archived ? ('archived' as const) : ('active' as const),
        price: toMinor(p.price, demo.currency),
        compareAtPrice: p.compareAt ? toMinor(p.compareAt, demo.currency) : null,
        currency: demo.currency,
        options: (p.options ?? []).map(([name, values]) => ({ name, values })),
        salesCount: p.sales,
        featured: p.featured ? 1 : 0,
        createdAt,
        updatedAt: createdAt,
        archivedAt: p.archived ? createdAt : null,
      };
    });
    await tx
      .insert(products)
      .values(productValues)
      .onConflictDoUpdate({
        target: [products.storeId, products.slug],
        set: {
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          categoryId: sql`excluded.category_id`,
          status: sql`excluded.status`,
          price: sql`excluded.price`,
          compareAtPrice: sql`excluded.compare_at_price`,
          currency: sql`excluded.currency`,
          options: sql`excluded.options`,
          salesCount: sql`excluded.sales_count`,
          featured: sql`excluded.featured`,
          archivedAt: sql`excluded.archived_at`,
        },
        setWhere: sql`(${products.title}, ${products.description}, ${products.categoryId}, ${products.status}, ${products.price}, ${products.compareAtPrice}, ${products.currency}, ${products.options}, ${products.salesCount}, ${products.featured}, ${products.archivedAt})
          is distinct from (excluded.title, excluded.description, excluded.category_id, excluded.status, excluded.price, excluded.compare_at_price, excluded.currency, excluded.options, excluded.sales_count, excluded.featured, excluded.archived_at)`,
      });
    const productIds = new Map(
      (
        await tx
          .select({ id: products.id, slug: products.slug })
          .from(products)
          .where(and(eq(products.storeId, store.id), inArray(products.slug, demo.products.map((p) => p.slug))))
      ).map((p) => [p.slug, p.id]),
    );
    stats.products += demo.products.length;

    // Variants, matched by sku.
    const existingVariants = await tx
      .select()
      .from(productVariants)
      .where(inArray(productVariants.productId, [...productIds.values()]));
    const bySku = new Map(existingVariants.map((v) => [v.sku, v]));
    const inserts: Array<typeof productVariants.$inferInsert> = [];
    for (const [productIndex, p] of demo.products.entries()) {
      const productId = productIds.get(p.slug)!;
      const combos = cartesian(p.options ?? []);
      for (const [position, options] of combos.entries()) {
        const label = Object.values(options).join(' / ');
        const sku = `${demo.slug.slice(0, 3).toUpperCase()}-${String(productIndex + 1).padStart(2, '0')}${
          label ? '-' + Object.values(options).map(slugPart).join('-').toUpperCase() : ''
        }`;
        const soldOut = p.soldOut === true || (Array.isArray(p.soldOut) && p.soldOut.includes(label));
        const stock = soldOut ? 0 : [3, 5, 8, 12, 15, 20, 24, 30, 2, 6][hash(sku) % 10]!;
        const price = p.variantPrices?.[label] !== undefined ? toMinor(p.variantPrices[label]!, demo.currency) : null;
        const current = bySku.get(sku);
        stats.variants++;
        if (!current) {
          inserts.push({ productId, options, sku, price, stock, position });
        } else if (
          current.productId === productId &&
          (current.price !== price || current.position !== position || !sameOptions(current.options, options))
        ) {
          await tx.update(productVariants).set({ price, position, options }).where(eq(productVariants.id, current.id));
        }
      }
    }
    if (inserts.length) await tx.insert(productVariants).values(inserts);

    // Photos in position order.
    const imageRows = photos.map((ph) => ({
      productId: productIds.get(ph.slug)!,
      mediaId: mediaIds.get(ph.key)!,
      position: ph.n,
      alt: `${demo.products.find((p) => p.slug === ph.slug)!.title} — foto ${ph.n + 1}`,
    }));
    await tx
      .insert(productImages)
      .values(imageRows)
      .onConflictDoUpdate({
        target: [productImages.productId, productImages.mediaId],
        set: { position: sql`excluded.position`, alt: sql`excluded.alt` },
        setWhere: sql`(${productImages.position}, ${productImages.alt}) is distinct from (excluded.position, excluded.alt)`,
      });
    stats.images += imageRows.length;

    // Drawings that changed since an earlier seed: unlink and forget their old objects.
    await tx.execute(sql`
      DELETE FROM product_images pi USING media m
      WHERE pi.media_id = m.id AND m.key LIKE ${prefix + '%'} AND NOT (m.key = ANY(${textArray(currentKeys)}))
        AND pi.product_id = ANY(${textArray([...productIds.values()])}::uuid[])`);
    const orphans = (await tx.execute(sql`
      DELETE FROM media m
      WHERE m.key LIKE ${prefix + '%'} AND NOT (m.key = ANY(${textArray(currentKeys)}))
        AND NOT EXISTS (SELECT 1 FROM product_images pi WHERE pi.media_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM stores s WHERE s.logo_media_id = m.id)
      RETURNING m.key`)) as unknown as Array<{ key: string }>;
    staleKeys.push(...orphans.map((o) => o.key));
  });
  for (const key of staleKeys) await storage.deleteObject(key);
}

/** Rough local equivalents of ~US$3 shipping and ~US$60 free-shipping threshold, in major units. */
const SHIPPING_MAJOR: Record<string, [fee: number, freeOver: number]> = {
  PEN: [10, 200],
  COP: [12_000, 250_000],
  MXN: [60, 1_000],
  ARS: [3_000, 60_000],
  USD: [3, 60],
  CLP: [3_000, 50_000],
  UYU: [120, 2_500],
  BOB: [20, 400],
};

/**
 * Two or three delivery options and a welcome coupon per demo store, so checkout works out of the box. Options are
 * written only while the store has none (a seller's edits survive re-seeding); the coupon by its (store, code).
 */
async function seedCommerceSettings(tx: Parameters<Parameters<Db['transaction']>[0]>[0], storeId: string, currency: string) {
  const [fee, freeOver] = SHIPPING_MAJOR[currency] ?? [5, 100];
  const [existing] = await tx.select({ id: deliveryOptions.id }).from(deliveryOptions).where(eq(deliveryOptions.storeId, storeId)).limit(1);
  if (!existing) {
    await tx.insert(deliveryOptions).values([
      {
        storeId,
        kind: 'free_over',
        label: 'Envío a domicilio',
        details: '2 a 4 días hábiles',
        price: toMinor(fee, currency),
        freeOver: toMinor(freeOver, currency),
        position: 0,
      },
      { storeId, kind: 'flat_rate', label: 'Envío express', details: 'Al día siguiente en la ciudad', price: toMinor(fee * 2, currency), position: 1 },
      { storeId, kind: 'pickup', label: 'Recojo en tienda', details: 'Coordina el horario por WhatsApp', position: 2 },
    ]);
  }
  await tx
    .insert(coupons)
    .values({ storeId, code: 'BIENVENIDA10', kind: 'percent', value: 10 })
    .onConflictDoNothing({ target: [coupons.storeId, coupons.code] });
}

async function main() {
  const log: Log = (l) => console.log(`[seed] ${l}`);
  const { withDatabase } = await import('./local/with-database');
  await withDatabase(async (url) => {
    const { sql: pg, db } = createDb(url, 4);
    try {
      await seedDemo({ db, storage: await seedStorage(), log });
    } finally {
      await pg.end();
    }
  });
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
