CREATE TABLE "bookmark_images" (
	"bookmark_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"icon_id" integer,
	"preview_id" integer
);
--> statement-breakpoint
CREATE TABLE "link_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "link_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"source_url" text,
	"content_type" text,
	"bytes" "bytea",
	"width" integer,
	"height" integer,
	"digest" text,
	"failure" text,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookmark_images" ADD CONSTRAINT "bookmark_images_bookmark_id_bookmarks_id_fk" FOREIGN KEY ("bookmark_id") REFERENCES "public"."bookmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark_images" ADD CONSTRAINT "bookmark_images_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark_images" ADD CONSTRAINT "bookmark_images_icon_id_link_images_id_fk" FOREIGN KEY ("icon_id") REFERENCES "public"."link_images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookmark_images" ADD CONSTRAINT "bookmark_images_preview_id_link_images_id_fk" FOREIGN KEY ("preview_id") REFERENCES "public"."link_images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookmark_images_icon_idx" ON "bookmark_images" USING btree ("icon_id","workspace_id");--> statement-breakpoint
CREATE INDEX "bookmark_images_preview_idx" ON "bookmark_images" USING btree ("preview_id","workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "link_images_key_idx" ON "link_images" USING btree ("kind","key");