CREATE TYPE "public"."bookmark_sync_state" AS ENUM('synced', 'pending', 'failed');--> statement-breakpoint
CREATE TYPE "public"."pending_write_kind" AS ENUM('create', 'update', 'trash', 'restore');--> statement-breakpoint
CREATE TYPE "public"."pending_write_status" AS ENUM('pending', 'parked');--> statement-breakpoint
CREATE TABLE "bookmarks" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"notion_page_id" text,
	"notion_url" text,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"normalized_url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_time" timestamp with time zone NOT NULL,
	"last_edited_time" timestamp with time zone NOT NULL,
	"in_trash" boolean DEFAULT false NOT NULL,
	"sync_state" "bookmark_sync_state" DEFAULT 'synced' NOT NULL,
	"sync_error" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(title || ' ' || url || ' ' || description, '[^[:alnum:]]+', ' ', 'g'))) STORED
);
--> statement-breakpoint
CREATE TABLE "pending_writes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pending_writes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"bookmark_id" text NOT NULL,
	"kind" "pending_write_kind" NOT NULL,
	"payload" jsonb,
	"status" "pending_write_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "last_full_sync_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "sync_progress" integer;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "notion_next_slot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bookmarks" ADD CONSTRAINT "bookmarks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_writes" ADD CONSTRAINT "pending_writes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_writes" ADD CONSTRAINT "pending_writes_bookmark_id_bookmarks_id_fk" FOREIGN KEY ("bookmark_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookmarks_notion_page_idx" ON "bookmarks" USING btree ("workspace_id","notion_page_id");--> statement-breakpoint
CREATE INDEX "bookmarks_created_idx" ON "bookmarks" USING btree ("workspace_id","created_time","id") WHERE not "bookmarks"."in_trash";--> statement-breakpoint
CREATE INDEX "bookmarks_title_idx" ON "bookmarks" USING btree ("workspace_id",lower("title"),"id") WHERE not "bookmarks"."in_trash";--> statement-breakpoint
CREATE INDEX "bookmarks_tags_idx" ON "bookmarks" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "bookmarks_search_idx" ON "bookmarks" USING gin ("search");--> statement-breakpoint
CREATE INDEX "bookmarks_normalized_url_idx" ON "bookmarks" USING btree ("workspace_id","normalized_url");--> statement-breakpoint
CREATE INDEX "pending_writes_due_idx" ON "pending_writes" USING btree ("next_attempt_at","id") WHERE "pending_writes"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "pending_writes_bookmark_idx" ON "pending_writes" USING btree ("bookmark_id","id");--> statement-breakpoint
CREATE INDEX "pending_writes_workspace_idx" ON "pending_writes" USING btree ("workspace_id","status");