import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { CARD_COLUMNS, PUBLIC_PRODUCT, firstImage, minorScale, toCard, type CardRow } from './cards';
import { ZSearchProductsInput, type TSearchProductsInput, type TSearchProductsQuery } from './schemas';
import type { MediaUrl, ProductCard } from './types';

export type SearchProductsResult = {
  items: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The words did not all match together, so any-word matches are shown instead. */
  relaxed: boolean;
  query: TSearchProductsQuery;
};

/** Shorter queries make trigram matching meaningless (everything shares "  a"). */
const MIN_TRGM_CHARS = 3;

/**
 * Marketplace search over active products of active stores.
 *
 * Matching: full-text (`websearch_to_tsquery` on the accent-folded Spanish config `vita_es`, so quotes, OR and
 * -exclusions work) OR trigram word similarity of the accent-folded title (typos and partial words:
 * "zapatilas", "zapat"). If nothing matches all the words, any-word matching is tried once.
 * Ranking: full-text hits first by ts_rank_cd (title weight A, description B) plus title similarity; near-equal
 * relevance (2 decimals) falls back to recency, then sales. Without a query: recency, then sales.
 */
export async function searchProducts({
  db,
  input,
  mediaUrl,
}: {
  db: DbOrTx;
  input: TSearchProductsInput;
  mediaUrl: MediaUrl;
}): Promise<SearchProductsResult> {
  const query = ZSearchProductsInput.parse(input);
  const text = query.q.replace(/\s+/g, ' ').trim();
  let result = await runSearch(db, query, text, false);
  let relaxed = false;
  if (result.total === 0 && text.includes(' ')) {
    const any = await runSearch(db, query, text, true);
    if (any.total > 0) {
      result = any;
      relaxed = true;
    }
  }
  return {
    items: result.rows.map((r) => toCard(r, mediaUrl)),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(result.total / query.pageSize)),
    relaxed,
    query,
  };
}

type Row = CardRow & { total: string | number };

async function runSearch(
  db: DbOrTx,
  q: TSearchProductsQuery,
  text: string,
  anyWord: boolean,
): Promise<{ rows: Row[]; total: number }> {
  const where: SQL[] = [PUBLIC_PRODUCT];
  let score: SQL = sql`0::float8`;

  if (text) {
    const tsq = anyWord
      ? sql`replace(websearch_to_tsquery('vita_es', ${text})::text, ' & ', ' | ')::tsquery`
      : sql`websearch_to_tsquery('vita_es', ${text})`;
    // Trigram matching sees only the positive words; "-palabra" exclusions apply to every match.
    const tokens = text.split(' ');
    const excluded = tokens.filter((t) => t.startsWith('-') && t.length > 1).map((t) => t.slice(1));
    const positive = tokens
      .filter((t) => !t.startsWith('-') && t.toLowerCase() !== 'or')
      .join(' ')
      .replace(/"/g, '')
      .trim();
    const useTrgm = positive.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_TRGM_CHARS;
    const folded = sql`vita_unaccent(lower(${positive}))`;
    if (excluded.length) {
      where.push(sql`NOT (p.search_vector @@ websearch_to_tsquery('vita_es', ${excluded.join(' or ')}))`);
    }
    const fts = sql`p.search_vector @@ ${tsq}`;
    // `%>` is word_similarity(query, title) >= pg_trgm.word_similarity_threshold (0.6), served by the GIN index.
    const trgm = sql`vita_unaccent(p.title) %> ${folded}`;
    // A query naming a category ("tecnología") or a store ("quispe") also finds their products, ranked below
    // direct text matches. Resolved to ids first (tiny tables) so the products scan stays an index BitmapOr.
    const named = (await db.execute(sql`
      SELECT 'c' AS kind, id FROM categories WHERE to_tsvector('vita_es', name_es || ' ' || name_en) @@ ${tsq}
      UNION ALL
      SELECT 's', id FROM stores WHERE status = 'active' AND to_tsvector('vita_es', name) @@ ${tsq}`)) as unknown as Array<{
      kind: 'c' | 's';
      id: string;
    }>;
    const catIds = named.filter((n) => n.kind === 'c').map((n) => n.id);
    const storeIds = named.filter((n) => n.kind === 's').map((n) => n.id);
    const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
    const inCat = catIds.length ? sql`p.category_id = ANY(${uuidArray(catIds)})` : null;
    const inStore = storeIds.length ? sql`p.store_id = ANY(${uuidArray(storeIds)})` : null;
    const anyOf = [fts, useTrgm ? trgm : null, inCat, inStore].filter((c): c is SQL => c !== null);
    where.push(sql`(${sql.join(anyOf, sql` OR `)})`);
    score = sql`(CASE WHEN ${fts} THEN 1 + ts_rank_cd(p.search_vector, ${tsq}, 32) ELSE 0 END
      ${useTrgm ? sql`+ 0.5 * word_similarity(${folded}, vita_unaccent(p.title))` : sql``}
      ${inStore ? sql`+ CASE WHEN ${inStore} THEN 0.3 ELSE 0 END` : sql``}
      ${inCat ? sql`+ CASE WHEN ${inCat} THEN 0.2 ELSE 0 END` : sql``})`;
  }
  if (q.category) {
    where.push(sql`p.category_id IN (SELECT c.id FROM categories c WHERE c.slug = ${q.category}
      OR c.parent_id = (SELECT c2.id FROM categories c2 WHERE c2.slug = ${q.category}))`);
  }
  if (q.store) where.push(sql`s.slug = ${q.store}`);
  if (q.currency) where.push(sql`p.currency = ${q.currency}`);
  if (q.minPrice !== undefined) where.push(sql`p.price_min >= ceil(${q.minPrice}::numeric * ${minorScale(q.currency)})`);
  if (q.maxPrice !== undefined) where.push(sql`p.price_min <= floor(${q.maxPrice}::numeric * ${minorScale(q.currency)})`);
  if (q.inStock) where.push(sql`p.stock_total > 0`);

  const order = (a: SQL) =>
    q.sort === 'newest'
      ? sql`${a}.created_at DESC, ${a}.sales_count DESC, ${a}.id`
      : q.sort === 'bestsellers'
        ? sql`${a}.sales_count DESC, ${a}.created_at DESC, ${a}.id`
        : sql`round(${a}.score::numeric, 2) DESC, ${a}.created_at DESC, ${a}.sales_count DESC, ${a}.id`;

  const offset = (q.page - 1) * q.pageSize;
  const rows = (await db.execute(sql`
    SELECT r.*, img.* FROM (
      SELECT x.*, count(*) OVER () AS total FROM (
        SELECT ${CARD_COLUMNS}, ${score} AS score
        FROM products p JOIN stores s ON s.id = p.store_id
        WHERE ${sql.join(where, sql` AND `)}
      ) x
      ORDER BY ${order(sql`x`)}
      LIMIT ${q.pageSize} OFFSET ${offset}
    ) r
    LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
    ORDER BY ${order(sql`r`)}
  `)) as unknown as Row[];

  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: still report how many there are, so the page can link back.
    const [c] = (await db.execute(sql`
      SELECT count(*) AS total FROM products p JOIN stores s ON s.id = p.store_id
      WHERE ${sql.join(where, sql` AND `)}`)) as unknown as Array<{ total: string }>;
    total = Number(c?.total ?? 0);
  }
  return { rows, total };
}
