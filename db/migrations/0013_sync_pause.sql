ALTER TABLE "workspaces" ADD COLUMN "sync_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "sync_retry_at" timestamp with time zone;