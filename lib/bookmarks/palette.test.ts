import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { findForPalette } from "./palette";
import { FIRST_PAGE, listMirror } from "./queries";
import { bookmarkInputSchema, listQuerySchema, type ListQuery } from "./schema";
import { createBookmark } from "./service";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(() => sandbox.stop());

const query = (view: Partial<ListQuery> = {}): ListQuery => ({ ...listQuerySchema.parse({}), ...view });
const TITLES = ["Grid systems", "Kerning pairs", "Sonic boom shapes", "Wing sweep", "Colour theory", "Laminar flow", "Supersonic inlets"];

describeEachDatabase("the command palette's search and paging both ways", (handle) => {
  let db: Database;
  let workspace: Workspace;
  let other: Workspace;

  beforeAll(async () => {
    db = handle().db;
    ({ workspace } = await readyWorkspace(db, admin, { person: "christine", workspace: "sonicBoom" }));
    ({ workspace: other } = await readyWorkspace(db, admin, { person: "christine", workspace: "supersonic" }));
    for (const [i, title] of TITLES.entries()) {
      const tags = i < 2 || i === 4 ? ["design"] : ["aero"];
      await createBookmark({ db, workspace }, bookmarkInputSchema.parse({ url: `https://example.com/${i}`, title, tags }));
    }
    await createBookmark({ db, workspace: other }, bookmarkInputSchema.parse({ url: "https://example.com/other", title: "Design elsewhere", tags: ["design"] }));
  });

  it("finds bookmarks by a part of their tag as well as by title words", async () => {
    const found = await findForPalette({ db, workspace }, "desig");
    expect(found.map((b) => b.title).sort()).toEqual(["Colour theory", "Grid systems", "Kerning pairs"]);
    expect((await findForPalette({ db, workspace }, "sonic")).map((b) => b.title)).toEqual(["Sonic boom shapes"]);
    expect(await findForPalette({ db, workspace }, "   ")).toEqual([]);
  });

  it("never shows another workspace's bookmarks", async () => {
    expect((await findForPalette({ db, workspace }, "elsewhere")).map((b) => b.title)).toEqual([]);
    expect((await findForPalette({ db, workspace: other }, "design")).map((b) => b.title)).toEqual(["Design elsewhere"]);
  });

  for (const sort of ["newest", "oldest", "title"] as const) {
    it(`walks back from the last page to the first by "Previous" (${sort})`, async () => {
      const pages: string[][] = [];
      let cursor: string | undefined;
      do {
        const page = await listMirror(db, workspace.id, query({ sort, cursor }), 3);
        pages.push(page.items.map((b) => b.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);

      const first = await listMirror(db, workspace.id, query({ sort }), 3);
      expect(first.prevCursor).toBeNull();
      const last = await listMirror(db, workspace.id, query({ sort, cursor: (await listMirror(db, workspace.id, query({ sort, cursor: first.nextCursor! }), 3)).nextCursor! }), 3);
      expect(last.items.map((b) => b.title)).toEqual(pages[2]);
      expect(last.prevCursor).not.toBe(FIRST_PAGE);

      const middle = await listMirror(db, workspace.id, query({ sort, cursor: last.prevCursor! }), 3);
      expect(middle.items.map((b) => b.title)).toEqual(pages[1]);
      // Reached backwards, the page still leads forward to the one it came from.
      expect((await listMirror(db, workspace.id, query({ sort, cursor: middle.nextCursor! }), 3)).items.map((b) => b.title)).toEqual(pages[2]);
      // The previous page of the second is the plain first page, where new bookmarks show.
      expect(middle.prevCursor).toBe(FIRST_PAGE);
    });
  }
});
