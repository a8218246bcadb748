CREATE TYPE "public"."kyc_kind" AS ENUM('individual', 'business');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" char(128) NOT NULL,
	"hash" char(128) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kyc_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text DEFAULT 'didit' NOT NULL,
	"dedupe_key" text NOT NULL,
	"provider_session_id" text NOT NULL,
	"webhook_type" text NOT NULL,
	"status" text,
	"event_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "kyc_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" "kyc_kind" NOT NULL,
	"provider" text DEFAULT 'didit' NOT NULL,
	"provider_session_id" text NOT NULL,
	"session_url" text NOT NULL,
	"workflow_id" text NOT NULL,
	"status" text NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" jsonb,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"polled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyc_sessions_status_known" CHECK ("kyc_sessions"."status" in ('Not Started','In Progress','Approved','Declined','In Review','Awaiting User','Resubmitted','Expired','Abandoned','Kyc Expired'))
);
--> statement-breakpoint
CREATE TABLE "marketplace_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_settings_single_row" CHECK ("marketplace_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "store_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"suspended_by" text NOT NULL,
	"suspended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"restored_by" text,
	"restored_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_devices" (
	"user_id" text NOT NULL,
	"fingerprint" text NOT NULL,
	"label" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kyc_sessions" ADD CONSTRAINT "kyc_sessions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_sessions" ADD CONSTRAINT "kyc_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_suspensions" ADD CONSTRAINT "store_suspensions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_devices" ADD CONSTRAINT "user_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject","seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_hash_idx" ON "audit_log" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "kyc_events_provider_dedupe_key_idx" ON "kyc_events" USING btree ("provider","dedupe_key");--> statement-breakpoint
CREATE INDEX "kyc_events_session_idx" ON "kyc_events" USING btree ("provider_session_id");--> statement-breakpoint
CREATE INDEX "kyc_events_unprocessed_idx" ON "kyc_events" USING btree ("received_at") WHERE "kyc_events"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "kyc_sessions_provider_session_idx" ON "kyc_sessions" USING btree ("provider","provider_session_id");--> statement-breakpoint
CREATE INDEX "kyc_sessions_store_id_idx" ON "kyc_sessions" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "kyc_sessions_status_idx" ON "kyc_sessions" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "store_suspensions_store_idx" ON "store_suspensions" USING btree ("store_id","suspended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_devices_user_fingerprint_idx" ON "user_devices" USING btree ("user_id","fingerprint");