-- The mirror's generated search column reads tags through this: a generated column may only call
-- immutable functions, and array_to_string (over anyarray) is only stable. For text[] it is
-- immutable in fact, so this wrapper says so (db/schema.ts, bookmarks.search).
CREATE OR REPLACE FUNCTION bookmark_tags_text(tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string(tags, ' ') $$;
