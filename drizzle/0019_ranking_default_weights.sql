-- Search now applies the ranking weights (server/services/catalog/ranking.ts). Their default is relevance only, the
-- ranking the marketplace had before; the row seeded by 0009 was never chosen by an admin (updated_by is null), so
-- it takes the new default and the live order does not change until an admin sets weights.
UPDATE marketplace_settings
SET weights = '{"relevance": 1, "sales": 0, "recency": 0, "verified": 0, "featured": 0}'::jsonb, updated_at = now()
WHERE id = 1 AND updated_by IS NULL;
