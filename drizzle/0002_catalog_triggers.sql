-- Keep products.price_min and products.stock_total in step with their variants, so the marketplace can
-- filter and sort by price and availability with plain indexed columns.
CREATE OR REPLACE FUNCTION refresh_product_rollup(p_product_id uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE products p SET
    price_min = coalesce((SELECT min(coalesce(v.price, p.price)) FROM product_variants v WHERE v.product_id = p.id), p.price),
    stock_total = coalesce((SELECT sum(v.stock - v.reserved) FROM product_variants v WHERE v.product_id = p.id), 0)
  WHERE p.id = p_product_id;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION product_variants_rollup_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM refresh_product_rollup(OLD.product_id);
    RETURN OLD;
  END IF;
  PERFORM refresh_product_rollup(NEW.product_id);
  IF TG_OP = 'UPDATE' AND OLD.product_id <> NEW.product_id THEN
    PERFORM refresh_product_rollup(OLD.product_id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER product_variants_rollup AFTER INSERT OR UPDATE OR DELETE ON product_variants
FOR EACH ROW EXECUTE FUNCTION product_variants_rollup_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION products_price_rollup_trg() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.price IS DISTINCT FROM OLD.price THEN
    PERFORM refresh_product_rollup(NEW.id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_price_rollup AFTER UPDATE OF price ON products
FOR EACH ROW EXECUTE FUNCTION products_price_rollup_trg();
--> statement-breakpoint
INSERT INTO plans (code, name_es, name_en, limits, monthly_price, currency, sort_order) VALUES
  ('free', 'Gratis', 'Free', '{"stores":1,"activeProducts":20,"photosPerProduct":8}', 0, 'USD', 0),
  ('pro', 'Pro', 'Pro', '{"stores":5,"activeProducts":1000,"photosPerProduct":12}', 1900, 'USD', 1)
ON CONFLICT (code) DO NOTHING;
