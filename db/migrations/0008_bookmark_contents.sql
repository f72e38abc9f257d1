CREATE TYPE "public"."bookmark_content_status" AS ENUM('queued', 'writing', 'done', 'refused', 'failed', 'conflict');--> statement-breakpoint
CREATE TABLE "bookmark_contents" (
	"bookmark_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"status" "bookmark_content_status" DEFAULT 'queued' NOT NULL,
	"reason" text,
	"replace_edited" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"captured_at" timestamp with time zone,
	"meta" jsonb,
	"text" text,
	"chunks" jsonb,
	"chunks_done" integer DEFAULT 0 NOT NULL,
	"in_doubt" boolean DEFAULT false NOT NULL,
	"written_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"replacing_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"written_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookmarks" ADD COLUMN "content_search" "tsvector";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "content_mode" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "bookmark_contents" ADD CONSTRAINT "bookmark_contents_bookmark_id_bookmarks_id_fk" FOREIGN KEY ("bookmark_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark_contents" ADD CONSTRAINT "bookmark_contents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookmark_contents_due_idx" ON "bookmark_contents" USING btree ("priority","next_attempt_at") WHERE "bookmark_contents"."status" in ('queued', 'writing');--> statement-breakpoint
CREATE INDEX "bookmark_contents_workspace_idx" ON "bookmark_contents" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "bookmarks_content_search_idx" ON "bookmarks" USING gin ("content_search");