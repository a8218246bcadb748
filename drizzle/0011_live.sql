CREATE TYPE "public"."live_chat_kind" AS ENUM('message', 'tip');--> statement-breakpoint
CREATE TYPE "public"."live_recording_status" AS ENUM('none', 'recording', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."live_show_status" AS ENUM('scheduled', 'live', 'ended', 'cancelled');--> statement-breakpoint
CREATE TABLE "follows" (
	"user_id" text NOT NULL,
	"store_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_user_id_store_id_pk" PRIMARY KEY("user_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "ivs_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"channel_arn" text NOT NULL,
	"ingest_endpoint" text NOT NULL,
	"playback_url" text NOT NULL,
	"stream_key_arn" text NOT NULL,
	"stream_key_hash" text NOT NULL,
	"stream_key_hint" text NOT NULL,
	"stream_key_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_show_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_bans" (
	"store_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"banned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_bans_store_id_user_id_pk" PRIMARY KEY("store_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "live_chat_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"show_id" uuid NOT NULL,
	"user_id" text,
	"author_name" text NOT NULL,
	"kind" "live_chat_kind" DEFAULT 'message' NOT NULL,
	"body" text NOT NULL,
	"tip_amount" bigint,
	"currency" char(3),
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_chat_messages_body_len" CHECK (char_length("live_chat_messages"."body") <= 500)
);
--> statement-breakpoint
CREATE TABLE "live_pins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"show_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"pinned_by" text,
	"pinned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unpinned_at" timestamp with time zone,
	"metadata_status" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_show_products" (
	"show_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "live_show_products_show_id_product_id_pk" PRIMARY KEY("show_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "live_shows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"cover_media_id" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" "live_show_status" DEFAULT 'scheduled' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"state_event_at" timestamp with time zone,
	"stream_id" text,
	"current_pin_id" uuid,
	"recording_status" "live_recording_status" DEFAULT 'none' NOT NULL,
	"recording_bucket" text,
	"recording_prefix" text,
	"recording_started_at" timestamp with time zone,
	"recording_event_at" timestamp with time zone,
	"recording_duration_ms" integer,
	"replay_url" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_shows_title_len" CHECK (char_length("live_shows"."title") between 3 and 120)
);
--> statement-breakpoint
CREATE TABLE "live_tips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"show_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"checkout_id" uuid NOT NULL,
	"user_id" text,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"paid_at" timestamp with time zone,
	"chat_message_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_tips_amount_pos" CHECK ("live_tips"."amount" > 0),
	CONSTRAINT "live_tips_message_len" CHECK (char_length("live_tips"."message") <= 140)
);
--> statement-breakpoint
CREATE TABLE "live_viewer_presence" (
	"show_id" uuid NOT NULL,
	"viewer_key" text NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_viewer_presence_show_id_viewer_key_pk" PRIMARY KEY("show_id","viewer_key")
);
--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivs_channels" ADD CONSTRAINT "ivs_channels_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ivs_channels" ADD CONSTRAINT "ivs_channels_active_show_id_live_shows_id_fk" FOREIGN KEY ("active_show_id") REFERENCES "public"."live_shows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_bans" ADD CONSTRAINT "live_bans_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_bans" ADD CONSTRAINT "live_bans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_chat_messages" ADD CONSTRAINT "live_chat_messages_show_id_live_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."live_shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_chat_messages" ADD CONSTRAINT "live_chat_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_pins" ADD CONSTRAINT "live_pins_show_id_live_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."live_shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_pins" ADD CONSTRAINT "live_pins_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_pins" ADD CONSTRAINT "live_pins_pinned_by_users_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_show_products" ADD CONSTRAINT "live_show_products_show_id_live_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."live_shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_show_products" ADD CONSTRAINT "live_show_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_shows" ADD CONSTRAINT "live_shows_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_shows" ADD CONSTRAINT "live_shows_cover_media_id_media_id_fk" FOREIGN KEY ("cover_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_shows" ADD CONSTRAINT "live_shows_current_pin_id_live_pins_id_fk" FOREIGN KEY ("current_pin_id") REFERENCES "public"."live_pins"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_shows" ADD CONSTRAINT "live_shows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tips" ADD CONSTRAINT "live_tips_show_id_live_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."live_shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tips" ADD CONSTRAINT "live_tips_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tips" ADD CONSTRAINT "live_tips_checkout_id_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."checkouts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tips" ADD CONSTRAINT "live_tips_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_viewer_presence" ADD CONSTRAINT "live_viewer_presence_show_id_live_shows_id_fk" FOREIGN KEY ("show_id") REFERENCES "public"."live_shows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follows_store_id_idx" ON "follows" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ivs_channels_store_id_idx" ON "ivs_channels" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ivs_channels_channel_arn_idx" ON "ivs_channels" USING btree ("channel_arn");--> statement-breakpoint
CREATE UNIQUE INDEX "ivs_channels_stream_key_hash_idx" ON "ivs_channels" USING btree ("stream_key_hash");--> statement-breakpoint
CREATE INDEX "live_chat_messages_show_id_id_idx" ON "live_chat_messages" USING btree ("show_id","id");--> statement-breakpoint
CREATE INDEX "live_chat_messages_user_id_created_at_idx" ON "live_chat_messages" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "live_pins_show_id_pinned_at_idx" ON "live_pins" USING btree ("show_id","pinned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "live_shows_slug_idx" ON "live_shows" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "live_shows_store_id_scheduled_at_idx" ON "live_shows" USING btree ("store_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "live_shows_status_scheduled_at_idx" ON "live_shows" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "live_shows_stream_id_idx" ON "live_shows" USING btree ("stream_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_tips_checkout_id_idx" ON "live_tips" USING btree ("checkout_id");--> statement-breakpoint
CREATE INDEX "live_tips_show_id_idx" ON "live_tips" USING btree ("show_id");--> statement-breakpoint
CREATE INDEX "live_viewer_presence_show_id_last_seen_at_idx" ON "live_viewer_presence" USING btree ("show_id","last_seen_at");