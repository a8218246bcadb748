import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { CARD_COLUMNS, firstImage, imageRef, toCard, type CardRow } from './cards';
import { ZStorePageInput, type TStorePageInput } from './schemas';
import type { MediaUrl, ProductCard, StoreSummary } from './types';

export type StorePage = {
  store: StoreSummary & { productCount: number; categories: Array<{ slug: string; nameEs: string; nameEn: string }> };
  products: ProductCard[];
  page: number;
  pageSize: number;
  pageCount: number;
};

/** A public store's row as the catalog's SQL selects it (snake_case, logo joined). */
export type StoreRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand_color: string;
  currency: string;
  kyc_status: string;
  whatsapp: string | null;
  logo_key: string | null;
  logo_width: number | null;
  logo_height: number | null;
};

/** Loads an active store by slug (null when missing or suspended) with the summary pages show. */
export async function findPublicStore({
  db,
  slug,
  mediaUrl,
}: {
  db: DbOrTx;
  slug: string;
  mediaUrl: MediaUrl;
}): Promise<StoreSummary | null> {
  const [row] = (await db.execute(sql`
    SELECT s.id, s.slug, s.name, s.description, s.brand_color, s.currency, s.kyc_status, s.whatsapp,
      m.key AS logo_key, m.width AS logo_width, m.height AS logo_height
    FROM stores s LEFT JOIN media m ON m.id = s.logo_media_id AND m.status = 'ready'
    WHERE s.slug = ${slug} AND s.status = 'active'
  `)) as unknown as StoreRow[];
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    brandColor: /^#[0-9a-fA-F]{6}$/.test(row.brand_color) ? row.brand_color : '#7c3aed',
    currency: row.currency.trim(),
    verified: row.kyc_status === 'approved',
    whatsapp: row.whatsapp,
    logo: imageRef(mediaUrl, row.logo_key, `Logo de ${row.name}`, row.logo_width, row.logo_height),
  };
}

/** Public store page: the store and its active products (featured first, then newest), paginated. */
export async function getStorePage({
  db,
  input,
  mediaUrl,
}: {
  db: DbOrTx;
  input: TStorePageInput;
  mediaUrl: MediaUrl;
}): Promise<StorePage | null> {
  const { store: slug, page, pageSize } = ZStorePageInput.parse(input);
  const store = await findPublicStore({ db, slug, mediaUrl });
  if (!store) return null;

  const [rows, meta] = await Promise.all([
    db.execute(sql`
      SELECT r.*, img.* FROM (
        SELECT ${CARD_COLUMNS}, p.featured
        FROM products p JOIN stores s ON s.id = p.store_id
        WHERE p.store_id = ${store.id} AND p.status = 'active'
        ORDER BY p.featured DESC, p.created_at DESC, p.id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      ) r
      LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
      ORDER BY r.featured DESC, r.created_at DESC, r.id
    `) as unknown as Promise<CardRow[]>,
    db.execute(sql`
      SELECT count(*)::int AS total,
        coalesce(json_agg(DISTINCT jsonb_build_object('slug', c.slug, 'nameEs', c.name_es, 'nameEn', c.name_en, 'sort', c.sort_order))
          FILTER (WHERE c.id IS NOT NULL), '[]') AS categories
      FROM products p LEFT JOIN categories c ON c.id = p.category_id
      WHERE p.store_id = ${store.id} AND p.status = 'active'
    `) as unknown as Promise<Array<{ total: number; categories: Array<{ slug: string; nameEs: string; nameEn: string; sort: number }> }>>,
  ]);
  const total = Number(meta[0]?.total ?? 0);
  const categories = [...(meta[0]?.categories ?? [])].sort((a, b) => a.sort - b.sort).map(({ slug, nameEs, nameEn }) => ({ slug, nameEs, nameEn }));
  return {
    store: { ...store, productCount: total, categories },
    products: rows.map((r) => toCard(r, mediaUrl)),
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
