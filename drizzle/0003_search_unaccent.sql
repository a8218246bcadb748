-- Accent-insensitive search: buyers type "tecnologia", "cafe", "nino" on phones.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is only STABLE (it finds its dictionary through search_path); naming the dictionary explicitly makes
-- the result depend on the input alone, so the wrapper may be IMMUTABLE and used in index expressions.
CREATE OR REPLACE FUNCTION vita_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vita_es') THEN
    CREATE TEXT SEARCH CONFIGURATION vita_es (COPY = pg_catalog.spanish);
    ALTER TEXT SEARCH CONFIGURATION vita_es ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, spanish_stem;
  END IF;
END $$;--> statement-breakpoint
DROP INDEX IF EXISTS "products_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('vita_es', coalesce("products"."title", '')), 'A') || setweight(to_tsvector('vita_es', coalesce("products"."description", '')), 'B')) STORED;--> statement-breakpoint
-- Dropping the column dropped its GIN index; recreate it.
CREATE INDEX "products_search_vector_idx" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "products_title_trgm_idx" ON "products" USING gin (vita_unaccent("title") gin_trgm_ops);
