CREATE TABLE "bookmark_url_counts" (
	"workspace_id" text NOT NULL,
	"normalized_url" text NOT NULL,
	"copies" integer NOT NULL,
	CONSTRAINT "bookmark_url_counts_workspace_id_normalized_url_pk" PRIMARY KEY("workspace_id","normalized_url")
);
--> statement-breakpoint
ALTER TABLE "bookmark_url_counts" ADD CONSTRAINT "bookmark_url_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookmark_url_counts_repeated_idx" ON "bookmark_url_counts" USING btree ("workspace_id","normalized_url","copies") WHERE "bookmark_url_counts"."copies" > 1;--> statement-breakpoint
-- The counts follow every statement that adds, removes, trashes, restores, moves or re-addresses
-- bookmarks: statement triggers with transition tables, so an import or a sync batch is one
-- grouped change, not one per row. Increments are upserts in key order (two statements adding the
-- same URLs lock them alike); decrements only update, so a workspace's delete (which cascades to
-- both tables) never makes a row again; a URL's row goes when its last saved copy does.
CREATE FUNCTION bookmark_url_counts_apply(ws text[], urls text[], n bigint[]) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    INSERT INTO bookmark_url_counts AS c (workspace_id, normalized_url, copies)
      SELECT d.ws, d.url, d.n FROM unnest(ws, urls, n) AS d(ws, url, n) WHERE d.n > 0 ORDER BY 1, 2
      ON CONFLICT (workspace_id, normalized_url) DO UPDATE SET copies = c.copies + excluded.copies;
    UPDATE bookmark_url_counts c SET copies = c.copies + d.n FROM unnest(ws, urls, n) AS d(ws, url, n)
      WHERE d.n < 0 AND c.workspace_id = d.ws AND c.normalized_url = d.url;
    DELETE FROM bookmark_url_counts c USING unnest(ws, urls, n) AS d(ws, url, n)
      WHERE d.n < 0 AND c.workspace_id = d.ws AND c.normalized_url = d.url AND c.copies <= 0;
  $$;
--> statement-breakpoint
CREATE FUNCTION bookmark_url_counts_follow() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    ws text[];
    urls text[];
    n bigint[];
  BEGIN
    -- Only saved rows count; each branch reads the transition tables its event has.
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(workspace_id), array_agg(normalized_url), array_agg(copies) INTO ws, urls, n
        FROM (SELECT workspace_id, normalized_url, count(*) AS copies FROM new_rows WHERE NOT in_trash GROUP BY 1, 2) d;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(workspace_id), array_agg(normalized_url), array_agg(-copies) INTO ws, urls, n
        FROM (SELECT workspace_id, normalized_url, count(*) AS copies FROM old_rows WHERE NOT in_trash GROUP BY 1, 2) d;
    ELSE
      SELECT array_agg(workspace_id), array_agg(normalized_url), array_agg(copies) INTO ws, urls, n
        FROM (
          SELECT workspace_id, normalized_url, sum(change) AS copies FROM (
            SELECT workspace_id, normalized_url, 1 AS change FROM new_rows WHERE NOT in_trash
            UNION ALL
            SELECT workspace_id, normalized_url, -1 FROM old_rows WHERE NOT in_trash
          ) changes GROUP BY 1, 2 HAVING sum(change) <> 0
        ) d;
    END IF;
    IF ws IS NOT NULL THEN
      PERFORM bookmark_url_counts_apply(ws, urls, n);
    END IF;
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER bookmarks_url_counts_insert AFTER INSERT ON bookmarks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookmark_url_counts_follow();
--> statement-breakpoint
CREATE TRIGGER bookmarks_url_counts_update AFTER UPDATE ON bookmarks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookmark_url_counts_follow();
--> statement-breakpoint
CREATE TRIGGER bookmarks_url_counts_delete AFTER DELETE ON bookmarks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookmark_url_counts_follow();
--> statement-breakpoint
-- After the triggers: from here writers wait for this migration, so no row is counted twice or missed.
INSERT INTO bookmark_url_counts (workspace_id, normalized_url, copies)
  SELECT workspace_id, normalized_url, count(*) FROM bookmarks WHERE NOT in_trash GROUP BY 1, 2;
