import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { marketplaceSettings, type RankingWeights } from '../../db/schema';

/**
 * The marketplace's ranking of search results with words (`sort: 'relevance'`): products an admin featured come
 * first (`products.featured`, highest first), then the weighted score
 *
 *   relevance × text score (1 + ts_rank_cd for a text hit, +0.3 / +0.2 when the words name its store / category)
 * + sales     × ln(1 + sales) / ln(1001), capped at 1
 * + recency   × e^(−age / 30 days)
 * + verified  × 1 when the store's identity is approved
 * + featured  × 1 when the store is featured
 *
 * rounded to 2 decimals, then newest, then best-selling. Admins set the weights in the console
 * (server/services/admin/curation.ts, `marketplace_settings`). The default — relevance only — is the ranking the
 * marketplace had before weights existed, so an untouched installation orders exactly as before.
 */
export const DEFAULT_WEIGHTS: RankingWeights = { relevance: 1, sales: 0, recency: 0, verified: 0, featured: 0 };

/** The weights stored by the admins (missing keys take the defaults). One primary-key read. */
export async function readRankingWeights(db: DbOrTx): Promise<RankingWeights> {
  const [row] = await db.select({ weights: marketplaceSettings.weights }).from(marketplaceSettings).where(eq(marketplaceSettings.id, 1));
  return { ...DEFAULT_WEIGHTS, ...(row?.weights ?? {}) };
}

/** The weighted score over `products p JOIN stores s`, given the text score; terms with weight 0 are left out. */
export function weightedScore(textScore: SQL, w: RankingWeights): SQL {
  const terms: SQL[] = [];
  const times = (weight: number, term: SQL) => (weight === 1 ? term : sql`${weight}::float8 * ${term}`);
  if (w.relevance > 0) terms.push(times(w.relevance, sql`(${textScore})`));
  if (w.sales > 0) terms.push(times(w.sales, sql`least(1, ln(1 + greatest(p.sales_count, 0)) / ln(1001))`));
  if (w.recency > 0) terms.push(times(w.recency, sql`exp(-greatest(extract(epoch from now() - p.created_at), 0) / 2592000)`));
  if (w.verified > 0) terms.push(times(w.verified, sql`(s.kyc_status = 'approved')::int`));
  if (w.featured > 0) terms.push(times(w.featured, sql`(s.featured > 0)::int`));
  return terms.length ? sql.join(terms, sql` + `) : sql`0`;
}
