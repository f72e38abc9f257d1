// The Notion sandbox's consent page, end to end in a real browser. This spec starts its own
// sandbox and a tiny callback server standing in for Shelf, so it does not need the app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, SEED_CONTENT, startSandbox } from "../notion-sandbox";

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let callbackServer: http.Server;
let callbackUrl: string;

test.beforeAll(async () => {
  callbackServer = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Callback</title><p>Callback received</p>");
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/api/auth/callback/notion`;
  sandbox = await startSandbox({ port: 0, redirectUris: [callbackUrl], rateLimit: false });
});

test.afterAll(async () => {
  await sandbox?.stop();
  await new Promise((resolve) => callbackServer?.close(resolve));
});

async function openConsent(page: Page, state: string) {
  const params = new URLSearchParams({ client_id: SANDBOX_CLIENT_ID, redirect_uri: callbackUrl, response_type: "code", owner: "user", state });
  await page.goto(`${sandbox.url}/v1/oauth/authorize?${params}`);
}

async function exchange(code: string) {
  const response = await fetch(`${sandbox.url}/v1/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "notion-version": "2025-09-03",
      authorization: `Basic ${Buffer.from(`${SANDBOX_CLIENT_ID}:${DEFAULT_SANDBOX_CLIENT_SECRET}`).toString("base64")}`,
    },
    body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: callbackUrl }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { access_token: string; workspace_name: string; duplicated_template_id: string | null; owner: { user: { name: string } } };
}

async function choosePersonAndWorkspace(page: Page, person: string, workspace: string) {
  await page.getByRole("radio", { name: person }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("radio", { name: workspace }).check();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("allow with the developer's template", async ({ page }) => {
  await openConsent(page, "state-template");
  await choosePersonAndWorkspace(page, "Ada Lovelace", "Ada's Notebook");
  await expect(page.getByRole("heading", { name: "Shelf wants to access Ada's Notebook" })).toBeVisible();
  await page.getByRole("radio", { name: /Use a template provided by the developer/ }).check();
  await page.getByRole("button", { name: "Allow access" }).click();

  await page.waitForURL((url) => url.href.startsWith(callbackUrl));
  const url = new URL(page.url());
  expect(url.searchParams.get("state")).toBe("state-template");
  await expect(page.getByText("Callback received")).toBeVisible();
  const token = await exchange(url.searchParams.get("code") ?? "");
  expect(token.workspace_name).toBe("Ada's Notebook");
  expect(token.owner.user.name).toBe("Ada Lovelace");
  expect(token.duplicated_template_id).toMatch(/^[0-9a-f-]{36}$/);
});

test("allow with selected pages", async ({ page }) => {
  await openConsent(page, "state-pages");
  await choosePersonAndWorkspace(page, "Grace Hopper", "Hopper Labs");
  await page.getByRole("radio", { name: /Select pages/ }).check();
  await page.getByRole("checkbox", { name: "Lab notes" }).check();
  await page.getByRole("button", { name: "Allow access" }).click();

  await page.waitForURL((url) => url.href.startsWith(callbackUrl));
  const url = new URL(page.url());
  expect(url.searchParams.get("state")).toBe("state-pages");
  const token = await exchange(url.searchParams.get("code") ?? "");
  expect(token.duplicated_template_id).toBeNull();
  const shared = await fetch(`${sandbox.url}/v1/pages/${SEED_CONTENT.labs.labNotesPageId}`, {
    headers: { authorization: `Bearer ${token.access_token}`, "notion-version": "2025-09-03" },
  });
  expect(shared.status).toBe(200);
});

test("cancel sends access_denied back with the state", async ({ page }) => {
  await openConsent(page, "state-cancel");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL((url) => url.href.startsWith(callbackUrl));
  const url = new URL(page.url());
  expect(url.searchParams.get("error")).toBe("access_denied");
  expect(url.searchParams.get("state")).toBe("state-cancel");
  expect(url.searchParams.has("code")).toBe(false);
});
