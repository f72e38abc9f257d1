import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { liveSettings, pageIdFrom } from "@/notion-sandbox/contract/live-settings";
import { SandboxAdmin, SEED_CONTENT, SEED_WORKSPACES, startSandbox } from "@/notion-sandbox";

const root = path.resolve(import.meta.dirname, "..");

/** Runs `npm run test:live`'s script with exactly these variables (plus PATH), outside this vitest. */
function testLive(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/test-live.ts")], {
    cwd: root,
    // No colours, so the output can be matched.
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("live settings", () => {
  it("names what is missing", () => {
    expect(liveSettings({})).toEqual({ missing: ["NOTION_LIVE_TOKEN", "NOTION_LIVE_PAGE_ID"] });
    expect(liveSettings({ NOTION_LIVE_TOKEN: "ntn_x", NOTION_LIVE_PAGE_ID: " " })).toEqual({ missing: ["NOTION_LIVE_PAGE_ID"] });
  });

  it("defaults to api.notion.com and takes a page's link for its id", () => {
    const page = "1a2b3c4d5e6f40718293a4b5c6d7e8f9";
    expect(liveSettings({ NOTION_LIVE_TOKEN: "ntn_x", NOTION_LIVE_PAGE_ID: `https://www.notion.so/team/Shelf-tests-cafe-${page}?pvs=4` })).toEqual({
      token: "ntn_x",
      pageId: page,
      baseUrl: "https://api.notion.com",
    });
    expect(pageIdFrom("c0000000-0000-4000-8000-000000000102")).toBe("c0000000-0000-4000-8000-000000000102");
    expect(liveSettings({ NOTION_LIVE_TOKEN: "t", NOTION_LIVE_PAGE_ID: page, NOTION_LIVE_BASE_URL: "http://127.0.0.1:4010" })).toMatchObject({ baseUrl: "http://127.0.0.1:4010" });
  });
});

describe("npm run test:live", () => {
  it("without credentials says what to set and exits 0 as skipped", async () => {
    const { code, output } = await testLive({});
    expect(code).toBe(0);
    expect(output).toMatch(/^Notion contract tests skipped: NOTION_LIVE_TOKEN and NOTION_LIVE_PAGE_ID are not set\./);
    expect(output).toContain("https://www.notion.so/profile/integrations");
  });

  describe("with credentials", () => {
    const started = startSandbox({ port: 0, rateLimit: false });
    afterAll(async () => (await started).stop());

    it("runs the contract suite against NOTION_LIVE_BASE_URL, never printing the token", { timeout: 240_000 }, async () => {
      const sandbox = await started;
      const { token } = await new SandboxAdmin(sandbox.url).addInternalIntegration({
        workspace_id: SEED_WORKSPACES.notebook.id,
        page_ids: [SEED_CONTENT.notebook.researchPageId],
      });
      const { code, output } = await testLive({
        NOTION_LIVE_TOKEN: token,
        NOTION_LIVE_PAGE_ID: SEED_CONTENT.notebook.researchPageId,
        NOTION_LIVE_BASE_URL: sandbox.url,
      });
      expect(output).toContain(`Notion contract tests against ${sandbox.url}, under page ${SEED_CONTENT.notebook.researchPageId}`);
      expect(output).toMatch(/Test Files\s+6 passed \(6\)/);
      expect(output).not.toContain(token);
      expect(code).toBe(0);
    });
  });
});
