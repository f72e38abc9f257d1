CREATE TYPE "public"."bulk_action" AS ENUM('add_tags', 'remove_tags', 'trash', 'restore', 'move');--> statement-breakpoint
CREATE TYPE "public"."bulk_item_status" AS ENUM('new', 'queued', 'done', 'failed', 'unchanged');--> statement-breakpoint
CREATE TYPE "public"."bulk_job_status" AS ENUM('running', 'cancelled', 'completed');--> statement-breakpoint
CREATE TABLE "bulk_items" (
	"job_id" text NOT NULL,
	"position" integer NOT NULL,
	"bookmark_id" text NOT NULL,
	"status" "bulk_item_status" DEFAULT 'new' NOT NULL,
	"tags" text[],
	"applied_tags" text[],
	"write_ids" integer[],
	"reason" text,
	CONSTRAINT "bulk_items_job_id_position_pk" PRIMARY KEY("job_id","position")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"action" "bulk_action" NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "bulk_job_status" DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"undo_of" text,
	"undone_by" text,
	"locked_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulk_items" ADD CONSTRAINT "bulk_items_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD CONSTRAINT "bulk_items_bookmark_id_bookmarks_id_fk" FOREIGN KEY ("bookmark_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_items_bookmark_idx" ON "bulk_items" USING btree ("job_id","bookmark_id");--> statement-breakpoint
CREATE INDEX "bulk_items_status_idx" ON "bulk_items" USING btree ("job_id","status","position");--> statement-breakpoint
CREATE INDEX "bulk_items_bookmark_only_idx" ON "bulk_items" USING btree ("bookmark_id");--> statement-breakpoint
CREATE INDEX "bulk_jobs_workspace_idx" ON "bulk_jobs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "bulk_jobs_running_idx" ON "bulk_jobs" USING btree ("status") WHERE "bulk_jobs"."status" = 'running';