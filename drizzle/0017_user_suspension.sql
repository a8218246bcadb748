ALTER TABLE "users" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "store_suspensions" ADD COLUMN "by_owner_suspension" boolean DEFAULT false NOT NULL;