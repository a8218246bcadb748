-- Ledger invariants the database itself keeps, whatever code writes to it.
-- 1. Entries are append-only.
CREATE OR REPLACE FUNCTION ledger_entries_append_only_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only_trg();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only_trg();
--> statement-breakpoint
-- 2. The entries of a transaction sum to zero, checked at commit (all entries of it are in by then).
CREATE OR REPLACE FUNCTION ledger_transaction_balanced_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE total numeric;
BEGIN
  SELECT coalesce(sum(amount), 0) INTO total FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW.transaction_id, total USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balanced_trg();
--> statement-breakpoint
-- 3. An entry's account must be in the transaction's currency.
CREATE OR REPLACE FUNCTION ledger_entries_currency_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT currency FROM ledger_accounts WHERE id = NEW.account_id) <> (SELECT currency FROM ledger_transactions WHERE id = NEW.transaction_id) THEN
    RAISE EXCEPTION 'ledger entry currency differs from its transaction' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_currency BEFORE INSERT ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION ledger_entries_currency_trg();
--> statement-breakpoint
-- Commission rules are data: one per plan to start with; admins add more and override per store.
INSERT INTO commission_rules (code, name, kind, params) VALUES
  ('free_default', 'Gratis: 5 % + 0,30', 'MIXED', '{"fixed":30,"bps":500}'),
  ('pro_default', 'Pro: escalonada 3 % → 1,5 %', 'TIERED', '{"tiers":[{"upTo":100000,"bps":300},{"upTo":1000000,"bps":200},{"upTo":null,"bps":150}]}')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
UPDATE plans SET commission_rule = 'pro_default' WHERE code = 'pro';
--> statement-breakpoint
UPDATE plans SET commission_rule = 'free_default' WHERE code = 'free';
