import { expect, test as base, type Page } from "@playwright/test";
import { SandboxAdmin, SEED_PEOPLE, SEED_WORKSPACES } from "../notion-sandbox";
import { E2E_SANDBOX_URL } from "./env";

// The app keeps its database for the whole run, so specs never reset the sandbox (bot ids would change).
export { expect, SEED_PEOPLE, SEED_WORKSPACES };

/** Every test runs with the CSP enforced and fails on any violation the browser reports. */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "CSP violations reported in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

type PersonKey = keyof typeof SEED_PEOPLE;
type WorkspaceKey = keyof typeof SEED_WORKSPACES;

export const sandbox = new SandboxAdmin(E2E_SANDBOX_URL);

/** On the sandbox's consent screen: pick the person and workspace, then allow (template or pages) or cancel. */
export async function consent(
  page: Page,
  choice: { person: PersonKey; workspace: WorkspaceKey; access?: "template" | { pages: string[] }; cancel?: boolean },
  sandboxUrl = E2E_SANDBOX_URL,
) {
  await page.waitForURL(`${sandboxUrl}/v1/oauth/authorize**`);
  await page.getByLabel(SEED_PEOPLE[choice.person].name).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(SEED_WORKSPACES[choice.workspace].name).check();
  await page.getByRole("button", { name: "Continue" }).click();
  if (choice.cancel) {
    await page.getByRole("button", { name: "Cancel" }).click();
    return;
  }
  const access = choice.access ?? "template";
  if (access === "template") {
    await page.getByRole("radio", { name: /^Use a template provided by the developer/ }).check();
  } else {
    await page.getByRole("radio", { name: /^Select pages/ }).check();
    for (const title of access.pages) await page.getByRole("checkbox", { name: title, exact: true }).check();
  }
  await page.getByRole("button", { name: "Allow access" }).click();
}

/** Landing → "Sign in with Notion" → consent → the workspace screen; returns its Shelf workspace id. */
export async function signIn(page: Page, person: PersonKey, workspace: WorkspaceKey, access?: "template" | { pages: string[] }, sandboxUrl = E2E_SANDBOX_URL) {
  // The button acts only once React has hydrated the page; networkidle waits for that on a busy machine.
  await page.goto("/signin", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(page, { person, workspace, access }, sandboxUrl);
  await page.waitForURL(/\/w\/[^/]+/);
  return workspaceIdFromUrl(page.url());
}

/**
 * Rewrites the query of Notion's redirect back to Shelf (code, state). Playwright does not route
 * requests that follow a redirect, so this edits the consent screen's redirect answer itself.
 */
export async function rewriteCallback(page: Page, edit: (params: URLSearchParams) => void) {
  await page.route(`${E2E_SANDBOX_URL}/v1/oauth/authorize**`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers()["location"];
    if (!location?.includes("/api/auth/callback/notion")) return route.fulfill({ response });
    const url = new URL(location);
    edit(url.searchParams);
    return route.fulfill({ response, headers: { ...response.headers(), location: url.toString() } });
  });
}

export function workspaceIdFromUrl(url: string): string {
  const match = /\/w\/([^/?#]+)/.exec(url);
  if (!match?.[1]) throw new Error(`not a workspace URL: ${url}`);
  return match[1];
}
