import { expect, it } from "vitest";
import { bookmarks, users, workspaces, type Workspace } from "@/db/schema";
import { toCsv, toJson, toNetscapeHtml, type ExportBookmark } from "@/lib/bookmark-files";
import { describeEachDatabase } from "@/test/db";
import type { Database } from "@/db/client";
import { exportWorkspace } from "./export";

// More than two of the export's batches, with ties on created time, untagged rows and a trashed one.
const ROWS = 2_345;

function row(n: number): ExportBookmark & { inTrash: boolean } {
  const tags = n % 7 === 0 ? [] : n % 3 === 0 ? ["b-tag", "a-tag"] : [`tag-${n % 5}`];
  return {
    url: `https://stream.example/${n}`,
    title: `Streamed "${n}" <b>`,
    description: n % 2 ? "" : `line one\nline, two ${n}`,
    tags,
    // Pairs share a second, so the keyset must break ties by save order (seq).
    createdTime: new Date(Date.UTC(2025, 0, 1) + Math.floor(n / 2) * 1000).toISOString(),
    inTrash: n === 5,
  };
}

async function seed(db: Database): Promise<{ workspace: Workspace; saved: ExportBookmark[] }> {
  const [user] = await db.insert(users).values({ notionUserId: "export-user", name: "Export" }).returning();
  const [workspace] = await db
    .insert(workspaces)
    .values({ userId: user!.id, botId: "export-bot", notionWorkspaceId: "export-ws", name: "Export", ownerNotionUserId: "export-user", status: "active" })
    .returning();
  const all = Array.from({ length: ROWS }, (_, n) => row(n));
  const values = all.map((b, n) => ({
    id: `id-${String(ROWS - n).padStart(5, "0")}`,
    workspaceId: workspace!.id,
    title: b.title,
    url: b.url,
    normalizedUrl: b.url,
    description: b.description,
    tags: b.tags,
    createdTime: new Date(b.createdTime),
    lastEditedTime: new Date(b.createdTime),
    savedAt: new Date(b.createdTime),
    inTrash: b.inTrash,
  }));
  for (let i = 0; i < values.length; i += 500) await db.insert(bookmarks).values(values.slice(i, i + 500));
  // What the export must list: not trashed, oldest first, ties in insert order (a stable sort).
  const saved = values
    .filter((v) => !v.inTrash)
    .sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime())
    .map((v) => ({ url: v.url, title: v.title, description: v.description, tags: v.tags, createdTime: v.createdTime.toISOString() }));
  return { workspace: workspace!, saved };
}

const text = (body: ReadableStream<Uint8Array>) => new Response(body).text();
const withoutExportTime = (json: string) => json.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

describeEachDatabase("a streamed export", (handle) => {
  it("writes, batch by batch, exactly the file the whole-list writers make, in every format", async () => {
    const db = handle().db;
    const { workspace, saved } = await seed(db);
    expect(saved).toHaveLength(ROWS - 1);

    expect(await text(exportWorkspace(db, workspace, { format: "csv", tagsAsFolders: false }).body)).toBe(toCsv(saved));
    expect(withoutExportTime(await text(exportWorkspace(db, workspace, { format: "json", tagsAsFolders: false }).body))).toBe(
      withoutExportTime(toJson(saved, { workspaceName: "Export" })),
    );
    expect(await text(exportWorkspace(db, workspace, { format: "netscape", tagsAsFolders: false }).body)).toBe(toNetscapeHtml(saved));
    expect(await text(exportWorkspace(db, workspace, { format: "netscape", tagsAsFolders: true }).body)).toBe(
      toNetscapeHtml(saved, { tagsAsFolders: true }),
    );
  }, 60_000);

  it("writes an empty workspace as a valid empty file", async () => {
    const db = handle().db;
    const [user] = await db.insert(users).values({ notionUserId: "empty-user", name: "Empty" }).returning();
    const [workspace] = await db
      .insert(workspaces)
      .values({ userId: user!.id, botId: "empty-bot", notionWorkspaceId: "empty-ws", name: null, ownerNotionUserId: "empty-user" })
      .returning();
    const json = await text(exportWorkspace(db, workspace!, { format: "json", tagsAsFolders: false }).body);
    expect(withoutExportTime(json)).toBe(withoutExportTime(toJson([], { workspaceName: null })));
    expect(JSON.parse(json)).toMatchObject({ bookmarks: [] });
  });
});
