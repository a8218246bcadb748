-- Typo and partial-word matching moved from trigram similarity over every title (several µs per candidate row,
-- thousands of candidates for common words) to a vocabulary of title words, corrected first and then searched
-- through the full-text index. The per-title trigram index is no longer read.
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX IF EXISTS "products_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- The words of a title, accent-folded and lower-cased, that are worth suggesting (3–40 letters, not only digits).
CREATE OR REPLACE FUNCTION vita_title_words(title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(vita_unaccent(title)), '[^a-z0-9]+') AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
$$;--> statement-breakpoint
-- Inserts arrive in bulk (imports, COPY): one statement-level pass over the new rows.
CREATE OR REPLACE FUNCTION search_words_from_new_products() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM new_products r CROSS JOIN LATERAL vita_title_words(r.title) AS w
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER products_search_words_insert AFTER INSERT ON products
REFERENCING NEW TABLE AS new_products FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_new_products();--> statement-breakpoint
-- Updates are mostly stock/price roll-ups: only a changed title does any work.
CREATE OR REPLACE FUNCTION search_words_from_title() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word) SELECT w FROM vita_title_words(NEW.title) AS w ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER products_search_words_title AFTER UPDATE OF title ON products
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION search_words_from_title();--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM products p CROSS JOIN LATERAL vita_title_words(p.title) AS w
ON CONFLICT (word) DO NOTHING;
