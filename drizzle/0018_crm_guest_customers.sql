ALTER TABLE "customer_notes" DROP CONSTRAINT "customer_notes_buyer_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_tags" DROP CONSTRAINT "customer_tags_buyer_id_users_id_fk";
--> statement-breakpoint
CREATE INDEX "users_email_normalized_idx" ON "users" USING btree (lower(btrim("email")));