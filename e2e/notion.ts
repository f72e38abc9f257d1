import type { PageObjectResponse } from "@notionhq/client";
import type { SandboxAdmin } from "../notion-sandbox";
import { sandbox, SEED_PEOPLE, SEED_WORKSPACES } from "./fixtures";

// What Notion holds, read straight from the sandbox: specs check there, not only on screen.

/** The sandbox's bot of a person's connection of a workspace. */
export async function botOf(person: keyof typeof SEED_PEOPLE, workspace: keyof typeof SEED_WORKSPACES) {
  const bot = (await sandbox.state()).bots.find(
    (b) => b.person_id === SEED_PEOPLE[person].id && b.workspace_id === SEED_WORKSPACES[workspace].id,
  );
  if (!bot) throw new Error(`${person} has not connected ${workspace}`);
  return bot;
}

export type NotionRow = {
  name: string;
  url: string | null;
  description: string;
  tags: string[];
  /** The Saved date's start, as Notion holds it. */
  saved: string | null;
  inTrash: boolean;
  dataSourceId: string | null;
};

function readRow(page: PageObjectResponse): NotionRow {
  const p = page.properties;
  const text = (value: (typeof p)[string] | undefined) =>
    value?.type === "title" ? value.title.map((t) => t.plain_text).join("") : value?.type === "rich_text" ? value.rich_text.map((t) => t.plain_text).join("") : "";
  const url = p.URL?.type === "url" ? p.URL.url : null;
  const tags = p.Tags?.type === "multi_select" ? p.Tags.multi_select.map((o) => o.name) : [];
  const saved = p.Saved?.type === "date" ? (p.Saved.date?.start ?? null) : null;
  const parent = page.parent.type === "data_source_id" ? page.parent.data_source_id : null;
  return { name: text(p.Name), url, description: text(p.Description), tags, saved, inTrash: page.in_trash, dataSourceId: parent };
}

/** Every page the person's connection of the workspace sees, read as bookmark rows. */
export async function notionRows(person: keyof typeof SEED_PEOPLE, workspace: keyof typeof SEED_WORKSPACES): Promise<NotionRow[]> {
  const { pages } = await sandbox.visibleTo((await botOf(person, workspace)).bot_id);
  return pages.map(readRow);
}

/** The row of the bookmark titled `title`, if Notion has one. */
export async function notionRow(person: keyof typeof SEED_PEOPLE, workspace: keyof typeof SEED_WORKSPACES, title: string) {
  return (await notionRows(person, workspace)).find((row) => row.name === title);
}

/**
 * A page's body through Notion's API, as a person's other tools see it: an internal integration
 * the sandbox admin makes with just that page shared lists its first 100 blocks and appends one.
 */
export async function pageBody(admin: SandboxAdmin, sandboxUrl: string, workspaceId: string, pageId: string) {
  const { token } = await admin.addInternalIntegration({ workspace_id: workspaceId, page_ids: [pageId], name: "e2e body reader" });
  const call = async (method: "GET" | "PATCH", body?: unknown) => {
    const response = await fetch(`${sandboxUrl}/v1/blocks/${pageId}/children${method === "GET" ? "?page_size=100" : ""}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "notion-version": "2025-09-03", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} of the body of ${pageId} failed with ${response.status}`);
    return (await response.json()) as { results: Array<Record<string, unknown> & { type: string }> };
  };
  return {
    /** Each block's type and text. */
    list: async (): Promise<Array<{ type: string; text: string }>> =>
      (await call("GET")).results.map((block) => {
        const value = block[block.type] as { rich_text?: Array<{ plain_text: string }> } | undefined;
        return { type: block.type, text: (value?.rich_text ?? []).map((t) => t.plain_text).join("") };
      }),
    /** A paragraph at the end, as a person typing in Notion adds one. */
    append: async (text: string) => {
      await call("PATCH", { children: [{ type: "paragraph", paragraph: { rich_text: [{ type: "text", text: { content: text } }] } }] });
    },
  };
}
