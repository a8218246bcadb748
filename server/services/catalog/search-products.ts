import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { RankingWeights } from '../../db/schema';
import { CARD_COLUMNS, PUBLIC_PRODUCT, firstImage, minorScale, toCard, type CardRow } from './cards';
import { DEFAULT_WEIGHTS, readRankingWeights, weightedScore } from './ranking';
import { SEARCH_MAX_PAGE, ZSearchProductsInput, type TSearchProductsInput, type TSearchProductsQuery } from './schemas';
import type { MediaUrl, ProductCard } from './types';

export type SearchProductsResult = {
  items: ProductCard[];
  /** Matches (for browsing without words: counted up to SEARCH_COUNT_CAP). */
  total: number;
  /** More than `total` products match. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The words were corrected or completed from the catalogue's vocabulary ("zapatilas" → "zapatillas"). */
  correctedQuery: string | null;
  /** The words did not all match together, so any-word matches are shown instead. */
  relaxed: boolean;
  query: TSearchProductsQuery;
};

/**
 * Browsing without words counts matches up to this many ("más de 5.000"): an exact count of the whole catalogue
 * on every visit would cost a full scan, and nobody pages that far (SEARCH_MAX_PAGE × page size is below it).
 */
export const SEARCH_COUNT_CAP = 5000;

/** Alternatives looked up per query word in the vocabulary. */
const ALTERNATIVES = 3;

/**
 * Marketplace search over active products of active stores.
 *
 * Matching is full-text on `products.search_vector` (Spanish stemming after accent folding, config `vita_es`;
 * `websearch_to_tsquery` syntax: quotes, `or`, `-palabra`). When that finds less than a page, each word is also
 * matched against the catalogue's vocabulary (`search_words`, trigram similarity and prefixes) and the search is
 * run again with the word OR its closest known words — typos ("zapatilas") and partial words ("zapat") then
 * resolve through the same full-text index. If nothing matches all the words, any word is accepted.
 * Products of a category or store whose name the words match are included below direct hits; words that only
 * name a category ("tecnología") browse that category.
 *
 * Ranking (server/services/catalog/ranking.ts): featured products first, then the admins' weighted score over
 * ts_rank_cd (title weight A, description B), sales, recency, verified and featured stores; near-equal scores
 * (2 decimals) fall back to recency, then sales. `weights` defaults to relevance only (the ranking before weights
 * existed); public callers pass the stored ones — see searchMarketplace. Without words: recency then sales (or the
 * requested sort), walking an index.
 */
export async function searchProducts({
  db,
  input,
  mediaUrl,
  weights = DEFAULT_WEIGHTS,
}: {
  db: DbOrTx;
  input: TSearchProductsInput;
  mediaUrl: MediaUrl;
  weights?: RankingWeights;
}): Promise<SearchProductsResult> {
  const query = ZSearchProductsInput.parse(input);
  const text = query.q.replace(/\s+/g, ' ').trim();
  const positive = positiveWords(text);

  let result = await runSearch(db, query, text, text ? sql`websearch_to_tsquery('vita_es', ${text})` : null, weights);
  let correctedQuery: string | null = null;
  let relaxed = false;
  let alternatives: WordAlternatives[] | null = null;

  if (positive && result.total < query.pageSize) {
    alternatives = await lookupAlternatives(db, positive);
    const corrected = alternativesQuery(alternatives, '&&');
    if (corrected) {
      const fuzzy = await runSearch(db, query, text, corrected, weights);
      if (fuzzy.total > result.total) {
        result = fuzzy;
        correctedQuery = suggestion(alternatives, result.total > 0);
      }
    }
  }
  if (result.total === 0 && positive.includes(' ')) {
    const anyWord = alternatives ? alternativesQuery(alternatives, '||') : null;
    const any = await runSearch(db, query, text, anyWord ?? sql`replace(websearch_to_tsquery('vita_es', ${text})::text, ' & ', ' | ')::tsquery`, weights);
    if (any.total > 0) {
      result = any;
      relaxed = true;
      correctedQuery = null;
    }
  }
  return {
    items: result.rows.map((r) => toCard(r, mediaUrl)),
    total: result.total,
    totalCapped: result.capped,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.min(SEARCH_MAX_PAGE, Math.ceil(result.total / query.pageSize))),
    correctedQuery,
    relaxed,
    query,
  };
}

/** The words a product must contain: without "-exclusions", quotes or the `or` operator. */
function positiveWords(text: string): string {
  return text
    .split(' ')
    .filter((t) => !t.startsWith('-') && t.toLowerCase() !== 'or')
    .join(' ')
    .replace(/"/g, '')
    .trim();
}

type WordAlternatives = { w: string; alts: string[] };

/** For each folded query word: itself if known, else its closest vocabulary words (similarity or prefix). */
async function lookupAlternatives(db: DbOrTx, positive: string): Promise<WordAlternatives[]> {
  return (await db.execute(sql`
    SELECT q.w, coalesce(array_agg(c.word ORDER BY c.rank) FILTER (WHERE c.word IS NOT NULL), '{}') AS alts
    FROM unnest(regexp_split_to_array(vita_unaccent(lower(${positive})), '[^a-z0-9]+')) WITH ORDINALITY AS q(w, i)
    LEFT JOIN LATERAL (
      SELECT y.word, y.rank FROM (
        SELECT x.word, x.exact, x.prefix, x.sim, max(x.sim) OVER () AS best,
          row_number() OVER (ORDER BY x.exact DESC, x.sim DESC, x.word) AS rank
        FROM (
          SELECT sw.word, sw.word = q.w AS exact, sw.word LIKE q.w || '%' AS prefix, similarity(sw.word, q.w) AS sim
          FROM search_words sw
          WHERE length(q.w) >= 3 AND (sw.word % q.w OR (length(q.w) >= 4 AND sw.word LIKE q.w || '%'))
        ) x
      ) y
      -- Only near-best corrections ("zapatilas" → zapatillas, not zapatos); completions of a partial word all count.
      WHERE y.exact OR y.prefix OR y.sim >= 0.8 * y.best
      ORDER BY y.rank LIMIT ${ALTERNATIVES}
    ) c ON true
    WHERE q.w <> ''
    GROUP BY q.i, q.w
    ORDER BY q.i
  `)) as unknown as WordAlternatives[];
}

/** (w OR alt1 OR alt2) AND (…) — or, with '||', any of them. Null when no word has an alternative. */
function alternativesQuery(words: WordAlternatives[], join: '&&' | '||'): SQL | null {
  if (!words.some((w) => w.alts.some((a) => a !== w.w))) return null;
  const perWord = words.map((w) => {
    const options = [...new Set([w.w, ...w.alts])];
    return sql`(${sql.join(
      options.map((o) => sql`plainto_tsquery('vita_es', ${o})`),
      sql` || `,
    )})`;
  });
  return sql`(${sql.join(perWord, join === '&&' ? sql` && ` : sql` || `)})`;
}

function suggestion(words: WordAlternatives[], found: boolean): string | null {
  if (!found) return null;
  const fixed = words.map((w) => (w.alts.length && !w.alts.includes(w.w) ? w.alts[0]! : w.w));
  return fixed.some((f, i) => f !== words[i]!.w) ? fixed.join(' ') : null;
}

type Resolved = { kind: 'fc' | 'fs' | 'xc' | 'nc' | 'ns'; id: string };
type Row = CardRow & { total?: string | number };

const uuidArray = (ids: string[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

async function runSearch(
  db: DbOrTx,
  q: TSearchProductsQuery,
  text: string,
  textQuery: SQL | null,
  weights: RankingWeights,
): Promise<{ rows: CardRow[]; total: number; capped: boolean }> {
  let tsq = textQuery;
  const where: SQL[] = [PUBLIC_PRODUCT];

  // One round trip on the small tables: the filter's category (with children) and store, and the categories and
  // stores the words name ("tecnología", "quispe"). Plain id lists keep the products scan on its indexes.
  const parts: SQL[] = [];
  if (q.category) {
    parts.push(sql`SELECT 'fc' AS kind, id FROM categories WHERE slug = ${q.category}
      OR parent_id IN (SELECT id FROM categories WHERE slug = ${q.category})`);
  }
  if (q.store) parts.push(sql`SELECT 'fs' AS kind, id FROM stores WHERE slug = ${q.store} AND status = 'active'`);
  if (tsq && !q.category) {
    // Words that only name a category ("tecnologia", "alimentos y bebidas") browse that category.
    parts.push(sql`SELECT 'xc' AS kind, id FROM categories
      WHERE cardinality(tsvector_to_array(to_tsvector('vita_es', ${positiveWords(text)}))) > 0
        AND tsvector_to_array(to_tsvector('vita_es', ${positiveWords(text)})) <@ tsvector_to_array(to_tsvector('vita_es', name_es || ' ' || name_en))`);
  }
  if (tsq) {
    parts.push(sql`SELECT 'nc' AS kind, id FROM categories WHERE to_tsvector('vita_es', name_es || ' ' || name_en) @@ ${tsq}`);
    parts.push(sql`SELECT 'ns' AS kind, id FROM stores WHERE status = 'active' AND to_tsvector('vita_es', name) @@ ${tsq}`);
  }
  const resolved = parts.length ? ((await db.execute(sql.join(parts, sql` UNION ALL `))) as unknown as Resolved[]) : [];
  const ids = (kind: Resolved['kind']) => resolved.filter((r) => r.kind === kind).map((r) => r.id);
  if (q.category) {
    const cats = ids('fc');
    if (!cats.length) return { rows: [], total: 0, capped: false };
    where.push(cats.length === 1 ? sql`p.category_id = ${cats[0]}` : sql`p.category_id = ANY(${uuidArray(cats)})`);
  }
  if (q.store) {
    const [storeId] = ids('fs');
    if (!storeId) return { rows: [], total: 0, capped: false };
    where.push(sql`p.store_id = ${storeId}`);
  }
  const namedCategory = ids('xc');
  if (namedCategory.length === 1) {
    where.push(sql`p.category_id = ${namedCategory[0]}`);
    tsq = null;
  }

  let score: SQL | null = null;
  if (tsq) {
    const excluded = text
      .split(' ')
      .filter((t) => t.startsWith('-') && t.length > 1)
      .map((t) => t.slice(1));
    if (excluded.length) {
      where.push(sql`NOT (p.search_vector @@ websearch_to_tsquery('vita_es', ${excluded.join(' or ')}))`);
    }
    const fts = sql`p.search_vector @@ ${tsq}`;
    const catIds = ids('nc');
    const storeIds = ids('ns');
    const inCat = catIds.length ? sql`p.category_id = ANY(${uuidArray(catIds)})` : null;
    const inStore = storeIds.length ? sql`p.store_id = ANY(${uuidArray(storeIds)})` : null;
    // Cheapest tests first: OR stops at the first true one.
    const anyOf = [inCat, inStore, fts].filter((c): c is SQL => c !== null);
    where.push(anyOf.length === 1 ? fts : sql`(${sql.join(anyOf, sql` OR `)})`);
    // Text hits: 1 + cover density. Products only reached through their category or store name: 0.2 / 0.3.
    score = sql`(CASE WHEN ${fts} THEN 1 + ts_rank_cd(p.search_vector, ${tsq}, 32) ELSE 0 END
      ${inStore ? sql`+ CASE WHEN ${inStore} THEN 0.3 ELSE 0 END` : sql``}
      ${inCat ? sql`+ CASE WHEN ${inCat} THEN 0.2 ELSE 0 END` : sql``})`;
  }
  if (q.currency) where.push(sql`p.currency = ${q.currency}`);
  if (q.minPrice !== undefined) where.push(sql`p.price_min >= ceil(${q.minPrice}::numeric * ${minorScale(q.currency)})`);
  if (q.maxPrice !== undefined) where.push(sql`p.price_min <= floor(${q.maxPrice}::numeric * ${minorScale(q.currency)})`);
  if (q.inStock) where.push(sql`p.stock_total > 0`);

  const sort = q.sort === 'relevance' && !score ? 'newest' : q.sort;
  const order = (a: SQL): SQL =>
    sort === 'newest'
      ? sql`${a}.created_at DESC, ${a}.sales_count DESC, ${a}.id`
      : sort === 'bestsellers'
        ? sql`${a}.sales_count DESC, ${a}.created_at DESC, ${a}.id`
        : sql`${a}.featured_rank DESC, ${a}.score DESC, ${a}.created_at DESC, ${a}.sales_count DESC, ${a}.id`;
  const filter = sql.join(where, sql` AND `);
  const offset = (q.page - 1) * q.pageSize;

  if (score) {
    // Ranking needs every match scored anyway, so the same pass counts them.
    const rows = (await db.execute(sql`
      SELECT r.*, img.* FROM (
        SELECT x.*, count(*) OVER () AS total FROM (
          SELECT ${CARD_COLUMNS}, p.featured AS featured_rank, round((${weightedScore(score, weights)})::numeric, 2) AS score
          FROM products p JOIN stores s ON s.id = p.store_id
          WHERE ${filter}
          -- A fence: every match is read anyway (for the count), so walking an ordered index is never cheaper.
          OFFSET 0
        ) x
        ORDER BY ${order(sql`x`)}
        LIMIT ${q.pageSize} OFFSET ${offset}
      ) r
      LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
      ORDER BY ${order(sql`r`)}
    `)) as unknown as Row[];
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) total = await countMatches(db, filter, Number.MAX_SAFE_INTEGER);
    return { rows, total, capped: false };
  }

  // Browsing without words: the page walks an index in the requested order; the count stops at the cap.
  const [rows, total] = await Promise.all([
    db.execute(sql`
      SELECT r.*, img.* FROM (
        SELECT ${CARD_COLUMNS}
        FROM products p JOIN stores s ON s.id = p.store_id
        WHERE ${filter}
        ORDER BY ${order(sql`p`)}
        LIMIT ${q.pageSize} OFFSET ${offset}
      ) r
      LEFT JOIN LATERAL (${firstImage(sql`r.id`)}) img ON true
      ORDER BY ${order(sql`r`)}
    `) as unknown as Promise<CardRow[]>,
    countMatches(db, filter, SEARCH_COUNT_CAP + 1),
  ]);
  return { rows, total: Math.min(total, SEARCH_COUNT_CAP), capped: total > SEARCH_COUNT_CAP };
}

async function countMatches(db: DbOrTx, filter: SQL, limit: number): Promise<number> {
  const [c] = (await db.execute(sql`
    SELECT count(*)::int AS total FROM (
      SELECT 1 FROM products p JOIN stores s ON s.id = p.store_id WHERE ${filter} LIMIT ${limit}
    ) t
  `)) as unknown as Array<{ total: number }>;
  return Number(c?.total ?? 0);
}

/** Marketplace search as buyers get it: ranked with the weights the admins stored (server/services/catalog/ranking.ts). */
export async function searchMarketplace(args: { db: DbOrTx; input: TSearchProductsInput; mediaUrl: MediaUrl }): Promise<SearchProductsResult> {
  return searchProducts({ ...args, weights: await readRankingWeights(args.db) });
}
