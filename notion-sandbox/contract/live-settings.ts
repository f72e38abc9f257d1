/**
 * How the contract suite finds live Notion: an internal integration's token and a page shared
 * with it, from the environment. Shared by the suite's target and scripts/test-live.ts.
 */
export const NOTION_API_URL = "https://api.notion.com";

/** Set by scripts/test-live.ts, so a maintainer's exported token never turns `npm test` live by accident. */
export const LIVE_TARGET_FLAG = "NOTION_CONTRACT_TARGET";

export interface LiveSettings {
  token: string;
  pageId: string;
  baseUrl: string;
}

/** The live settings from the environment, or the names of the variables that are missing. */
export function liveSettings(env: Readonly<Record<string, string | undefined>> = process.env): LiveSettings | { missing: string[] } {
  const token = env.NOTION_LIVE_TOKEN?.trim() ?? "";
  const pageId = env.NOTION_LIVE_PAGE_ID?.trim() ?? "";
  const missing = [!token && "NOTION_LIVE_TOKEN", !pageId && "NOTION_LIVE_PAGE_ID"].filter((name) => typeof name === "string");
  if (missing.length > 0) return { missing };
  return { token, pageId: pageIdFrom(pageId), baseUrl: env.NOTION_LIVE_BASE_URL?.trim() || NOTION_API_URL };
}

/** Accepts the id itself or the page's link as copied from Notion (`…/My-page-<32 hex>?v=…`). */
export function pageIdFrom(value: string): string {
  const path = URL.canParse(value) ? new URL(value).pathname : value;
  return path.match(/[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(?=[^0-9a-f]*$)/i)?.[0] ?? value;
}
