-- The audit log is append-only: rows can be inserted, never changed or removed (tamper tests disable this trigger
-- through a superuser connection to prove the hash chain still catches it).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
INSERT INTO marketplace_settings (id, weights) VALUES (1, '{"relevance": 1, "sales": 0.3, "recency": 0.2, "verified": 0.15, "featured": 0.5}'::jsonb) ON CONFLICT (id) DO NOTHING;
