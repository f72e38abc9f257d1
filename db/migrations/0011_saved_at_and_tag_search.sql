DROP INDEX "bookmarks_created_idx";--> statement-breakpoint
ALTER TABLE "bookmarks" drop column "search";--> statement-breakpoint
ALTER TABLE "bookmarks" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(title || ' ' || url || ' ' || description || ' ' || bookmark_tags_text(tags), '[^[:alnum:]]+', ' ', 'g'))) STORED;--> statement-breakpoint
CREATE INDEX "bookmarks_search_idx" ON "bookmarks" USING gin ("search");--> statement-breakpoint
-- Rows saved before Saved existed keep the date they had (Notion's created time).
ALTER TABLE "bookmarks" ADD COLUMN "saved_at" timestamp with time zone;--> statement-breakpoint
UPDATE "bookmarks" SET "saved_at" = "created_time";--> statement-breakpoint
ALTER TABLE "bookmarks" ALTER COLUMN "saved_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bookmarks" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "bookmarks_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "bookmarks_saved_idx" ON "bookmarks" USING btree ("workspace_id","saved_at","seq") WHERE not "bookmarks"."in_trash";
