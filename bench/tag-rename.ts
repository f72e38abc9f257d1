// Benchmark: rename a tag carried by 5,000 bookmarks (the tag screen's rename). What matters is how
// many Notion calls it costs (goal: a handful, since Notion renames an option in place on every
// page; docs/decisions/032), and that Notion's pages and the mirror agree afterwards.
import { tagCounts } from "@/lib/bookmarks/queries";
import { syncWorkspace } from "@/lib/bookmarks/sync";
import { renameTag } from "@/lib/bookmarks/tags";
import { pageToBookmark } from "@/lib/notion/mapping";
import { findWorkspace } from "@/lib/workspaces/queries";
import { log, mirroredWorkspace, openBenchDatabase, preferredBackend, startBenchSandbox, withCleanup, type Result } from "./setup";

const ROWS = 5_000;
const TAG = "reading-list";

export async function benchTagRename(): Promise<Result> {
  return withCleanup(async (defer) => {
    const { sandbox, admin } = await startBenchSandbox();
    defer(() => sandbox.stop());
    const backend = await preferredBackend();
    const bench = await openBenchDatabase(backend);
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const connected = await mirroredWorkspace(bench, admin, { person: "margaret", workspace: "apollo" }, 0);
    log(`tag-rename: ${ROWS} pages tagged “${TAG}” made as a person in Notion, then mirrored into ${backend}`);
    for (let i = 0; i < ROWS; i++) {
      await admin.addPage({
        parent: { data_source_id: connected.dataSourceId! },
        properties: {
          Name: { title: [{ text: { content: `Page ${i}` } }] },
          URL: { url: `https://example.com/${i}` },
          Tags: { multi_select: [{ name: TAG }, { name: `topic-${i % 20}` }] },
        },
      });
    }
    await syncWorkspace(db, connected, { full: true });
    const workspace = (await findWorkspace(db, connected.id))!;

    await admin.clearRequests();
    const started = performance.now();
    const result = await renameTag({ db, workspace }, { from: TAG, to: "To read" });
    const ms = performance.now() - started;
    const calls = (await admin.requests()).filter((r) => r.bot_id === workspace.botId && r.path.startsWith("/v1/"));

    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    const renamedInNotion = pages.map((p) => pageToBookmark(p, workspace.propertyMap!)).filter((b) => b.tags.includes("To read")).length;
    const mirror = new Map((await tagCounts(db, workspace.id)).map((t) => [t.tag, t.count]));
    return {
      name: `rename a tag on ${ROWS} bookmarks (${backend})`,
      outcome: result.outcome,
      bookmarks: result.bookmarks,
      notionCalls: calls.length,
      calls: calls.map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/, ":id")}`).join(", "),
      ms,
      pagesRenamedInNotion: renamedInNotion,
      mirrorRenamed: mirror.get("To read") ?? 0,
      oldNameLeft: (mirror.get(TAG) ?? 0) + pages.filter((p) => JSON.stringify(p.properties).includes(`"${TAG}"`)).length,
    };
  });
}
