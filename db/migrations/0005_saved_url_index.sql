DROP INDEX "bookmarks_normalized_url_idx";--> statement-breakpoint
CREATE INDEX "bookmarks_saved_url_idx" ON "bookmarks" USING btree ("workspace_id","normalized_url") WHERE not "bookmarks"."in_trash";