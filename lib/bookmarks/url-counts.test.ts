import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { resultRows, type Database } from "@/db/client";
import { users, workspaces } from "@/db/schema";
import { describeEachDatabase } from "@/test/db";
import { countDuplicates, listDuplicateRows } from "./queries";

type Count = { workspace_id: string; normalized_url: string; copies: number };

describeEachDatabase("bookmark_url_counts follows the saved rows", (handle) => {
  let db: Database;
  const ws: string[] = [];

  /** The kept counts and the counts grouped from bookmarks now: they must be equal. */
  async function bothCounts(): Promise<[Count[], Count[]]> {
    const kept = await db.execute(sql`select workspace_id, normalized_url, copies from bookmark_url_counts order by 1, 2`);
    const truth = await db.execute(sql`
      select workspace_id, normalized_url, count(*)::int as copies from bookmarks where not in_trash group by 1, 2 order by 1, 2`);
    return [resultRows<Count>(kept), resultRows<Count>(truth)];
  }
  const expectInStep = async () => {
    const [kept, truth] = await bothCounts();
    expect(kept).toEqual(truth);
  };
  const add = (workspaceId: string, urls: string[], trashed = false) =>
    db.execute(sql`
      insert into bookmarks (id, workspace_id, title, url, normalized_url, created_time, last_edited_time, saved_at, in_trash)
      select gen_random_uuid()::text, ${workspaceId}, u, 'https://' || u, u, now(), now(), now(), ${trashed}
      from unnest(${sql.param(urls)}::text[]) as u`);

  beforeAll(async () => {
    db = handle().db;
    for (const n of [1, 2]) {
      const [user] = await db.insert(users).values({ notionUserId: `url-counts-${n}`, name: `Counts ${n}` }).returning();
      const [workspace] = await db
        .insert(workspaces)
        .values({ userId: user!.id, botId: `url-counts-bot-${n}`, notionWorkspaceId: `url-counts-ws-${n}`, name: `Counts ${n}`, ownerNotionUserId: `url-counts-${n}`, status: "active" })
        .returning();
      ws.push(workspace!.id);
    }
  });

  it("counts inserts (one statement or many), trash and restore, edits of the URL, moves and deletes", async () => {
    await add(ws[0]!, ["a.example/x", "a.example/x", "a.example/y", "a.example/x"]);
    await add(ws[0]!, ["a.example/y"]);
    await add(ws[0]!, ["a.example/z"], true);
    await add(ws[1]!, ["a.example/x"]);
    await expectInStep();
    expect(await countDuplicates(db, ws[0]!)).toBe(3);
    expect((await listDuplicateRows(db, ws[0]!, 100)).map((r) => r.normalizedUrl)).toEqual(["a.example/x", "a.example/x", "a.example/x", "a.example/y", "a.example/y"]);
    expect(await countDuplicates(db, ws[1]!)).toBe(0);

    await db.execute(sql`update bookmarks set in_trash = true where workspace_id = ${ws[0]!} and normalized_url = 'a.example/y'`);
    await expectInStep();
    await db.execute(sql`update bookmarks set in_trash = false where normalized_url = 'a.example/z'`);
    await db.execute(sql`update bookmarks set normalized_url = 'a.example/z' where id = (select id from bookmarks where normalized_url = 'a.example/x' and workspace_id = ${ws[0]!} limit 1)`);
    await expectInStep();
    // Edits that touch none of the three columns change nothing; a move changes two workspaces.
    await db.execute(sql`update bookmarks set title = 'Renamed' where workspace_id = ${ws[0]!}`);
    await db.execute(sql`update bookmarks set workspace_id = ${ws[1]!} where normalized_url = 'a.example/z'`);
    await expectInStep();
    expect(await countDuplicates(db, ws[1]!)).toBe(1);
    // An upsert that inserts some rows and updates others, as a sync batch does.
    await db.execute(sql`
      insert into bookmarks (id, workspace_id, notion_page_id, title, url, normalized_url, created_time, last_edited_time, saved_at)
      values (gen_random_uuid()::text, ${ws[0]!}, 'p1', 'x', 'https://a.example/w', 'a.example/w', now(), now(), now())`);
    await db.execute(sql`
      insert into bookmarks (id, workspace_id, notion_page_id, title, url, normalized_url, created_time, last_edited_time, saved_at)
      values (gen_random_uuid()::text, ${ws[0]!}, 'p1', 'x', 'https://a.example/x', 'a.example/x', now(), now(), now()),
             (gen_random_uuid()::text, ${ws[0]!}, 'p2', 'x', 'https://a.example/w', 'a.example/w', now(), now(), now())
      on conflict (workspace_id, notion_page_id) do update set normalized_url = excluded.normalized_url`);
    await expectInStep();
    await db.execute(sql`delete from bookmarks where normalized_url = 'a.example/x' and workspace_id = ${ws[0]!}`);
    await expectInStep();
    // A URL's row goes with its last saved copy.
    const [kept] = await bothCounts();
    expect(kept.every((c) => c.copies > 0)).toBe(true);
  });

  it("forgets a workspace that is deleted", async () => {
    await db.delete(workspaces).where(sql`${workspaces.id} = ${ws[1]!}`);
    await expectInStep();
  });
});
