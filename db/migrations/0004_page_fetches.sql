CREATE TABLE "page_fetches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "page_fetches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workspace_id" text NOT NULL,
	"bookmark_id" text NOT NULL,
	"url" text NOT NULL,
	"saved_title" text,
	"saved_description" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "page_fetches" ADD CONSTRAINT "page_fetches_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_fetches" ADD CONSTRAINT "page_fetches_bookmark_id_bookmarks_id_fk" FOREIGN KEY ("bookmark_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "page_fetches_bookmark_idx" ON "page_fetches" USING btree ("bookmark_id");--> statement-breakpoint
CREATE INDEX "page_fetches_due_idx" ON "page_fetches" USING btree ("priority","next_attempt_at","id");--> statement-breakpoint
CREATE INDEX "page_fetches_workspace_idx" ON "page_fetches" USING btree ("workspace_id","priority");