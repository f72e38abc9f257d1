import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E_APP_URL } from "./env";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { expect, SEED_WORKSPACES, signIn, test } from "./fixtures";
import { notionRow } from "./notion";

// The REST API as a script uses it, as Hedy in her own workspace (no other spec uses her).
// Serial: the first test creates the token the others send.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "api-hedy.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
// Signed out at the start of every run (the app's database is new each run); the first test signs in.
fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

let token = "";
let workspaceId = "";

const inNotion = (title: string) => notionRow("hedy", "signals", title);

/** A request as curl would make it: the token only, no cookies. */
function api(request: APIRequestContext, method: "GET" | "POST" | "PATCH", path: string, body?: unknown, headers: Record<string, string> = {}) {
  return request.fetch(`${E2E_APP_URL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "user-agent": "curl/8.5.0", ...headers },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
}

test("a token created in Settings is shown once and listed with its scope", async ({ page, context }) => {
  workspaceId = await signIn(page, "hedy", "signals");
  await context.storageState({ path: AUTH_STATE });
  await page.goto(`/w/${workspaceId}/settings`);
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(form.getByText(/Give the token a name/)).toBeVisible();

  await form.getByLabel("Name").fill("Playwright script");
  await expect(form.getByLabel("Workspaces")).toHaveValue(workspaceId);
  await form.getByLabel("Expires").selectOption("30");
  await form.getByLabel("Read and write").check();
  await form.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("Copy it now");
  token = await shown.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^shelf_[A-Za-z0-9_-]{43}$/);
  const listed = page.getByRole("listitem", { name: "Playwright script" });
  await expect(listed).toContainText(`${token.slice(0, 10)}…`);
  await expect(listed).toContainText(`Only ${SEED_WORKSPACES.signals.name}`);
  await expect(listed).toContainText("Never used");
  await expectNoAxeViolations(page, "settings with a new token");
  await screensAtWidths(page, "api-tokens-new");

  // Once dismissed, it is gone for good: the page has no copy of it.
  await shown.getByRole("button", { name: "Done, I've copied it" }).click();
  await page.reload();
  expect(await page.content()).not.toContain(token);
});

test("with the token, requests create, search, update and trash a bookmark, and Notion follows", async ({ request }) => {
  const workspaces = await api(request, "GET", "/workspaces");
  expect(workspaces.status()).toBe(200);
  expect((await workspaces.json()).items).toEqual([expect.objectContaining({ id: workspaceId, name: SEED_WORKSPACES.signals.name })]);

  const url = "https://spread-spectrum.example/patent";
  const created = await api(request, "POST", `/workspaces/${workspaceId}/bookmarks`, { url, title: "Secret communication system", tags: ["radio", "patents"] }, { "idempotency-key": "hedy-create-1" });
  expect(created.status()).toBe(201);
  const bookmark = await created.json();
  expect(bookmark).toMatchObject({ url, title: "Secret communication system", tags: ["radio", "patents"] });
  // A retry of the same request (a lost answer) makes no second bookmark.
  const retried = await api(request, "POST", `/workspaces/${workspaceId}/bookmarks`, { url, title: "Secret communication system", tags: ["radio", "patents"] }, { "idempotency-key": "hedy-create-1" });
  expect((await retried.json()).id).toBe(bookmark.id);
  await expect.poll(() => inNotion("Secret communication system"), { timeout: 20_000 }).toMatchObject({ url, tags: ["radio", "patents"], inTrash: false });

  const again = await api(request, "POST", `/workspaces/${workspaceId}/bookmarks`, { url: `${url}?utm_source=feed` });
  expect(again.status()).toBe(409);
  expect((await again.json()).bookmark.id).toBe(bookmark.id);

  const found = await api(request, "GET", `/workspaces/${workspaceId}/bookmarks?q=secret+communication&tags=radio`);
  expect((await found.json()).items.map((b: { id: string }) => b.id)).toEqual([bookmark.id]);
  const lookup = await api(request, "GET", `/workspaces/${workspaceId}/lookup?url=${encodeURIComponent(url)}`);
  expect(await lookup.json()).toMatchObject({ saved: true, bookmark: { id: bookmark.id } });

  const updated = await api(request, "PATCH", `/workspaces/${workspaceId}/bookmarks/${bookmark.id}`, { title: "Frequency hopping patent", description: "US 2,292,387" });
  expect(updated.status()).toBe(200);
  await expect.poll(() => inNotion("Frequency hopping patent"), { timeout: 20_000 }).toMatchObject({ url, description: "US 2,292,387", inTrash: false });

  const trashed = await api(request, "POST", `/workspaces/${workspaceId}/bookmarks/${bookmark.id}/trash`);
  expect((await trashed.json()).inTrash).toBe(true);
  await expect.poll(async () => (await inNotion("Frequency hopping patent"))?.inTrash, { timeout: 20_000 }).toBe(true);
});

test("a session cookie authorizes nothing in the API, and bad tokens get 401", async ({ page }) => {
  await page.goto(`/w/${workspaceId}/settings`);
  // page.request carries the browser's Shelf session cookie.
  const withCookie = await page.request.get(`${E2E_APP_URL}/api/v1/workspaces`);
  expect(withCookie.status()).toBe(401);
  const unknown = await page.request.get(`${E2E_APP_URL}/api/v1/workspaces`, { headers: { authorization: `Bearer shelf_${"x".repeat(43)}` } });
  expect(unknown.status()).toBe(401);
  expect((await unknown.json()).error.code).toBe("unauthenticated");
  // Settings shows when and from what the token was last used.
  await expect(page.getByRole("listitem", { name: "Playwright script" }).getByTestId("token-last-used")).toHaveText(/Last used .* from curl/);
});

test("the token opens no dashboard page and runs no server action", async ({ page, playwright }) => {
  // Capture the browser's own server-action call (creating a token), without letting it through.
  await page.goto(`/w/${workspaceId}/settings`);
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/w/${workspaceId}/settings`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
    await route.abort();
  });
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill("Replayed action");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute(`**/w/${workspaceId}/settings`);
  const headers = Object.fromEntries(Object.entries(captured!.headers).filter(([name]) => name !== "cookie"));

  const curl = await playwright.request.newContext({ baseURL: E2E_APP_URL, storageState: { cookies: [], origins: [] } });
  try {
    const replayed = await curl.post(`/w/${workspaceId}/settings`, { headers: { ...headers, authorization: `Bearer ${token}` }, data: captured!.body });
    expect(await replayed.text()).toContain("Sign in again");
    const dashboard = await curl.get(`/w/${workspaceId}/bookmarks`, { headers: { authorization: `Bearer ${token}` }, maxRedirects: 0 });
    expect(dashboard.status()).toBe(307);
    expect(dashboard.headers().location).toMatch(/\/signin/);
  } finally {
    await curl.dispose();
  }
  // The same call with the session cookie does run: it was the token that was refused, not the replay.
  const withSession = await page.request.post(`/w/${workspaceId}/settings`, { headers, data: captured!.body });
  expect(withSession.ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole("listitem", { name: "Replayed action" })).toHaveCount(1);
});

test("revoking in Settings takes effect at once", async ({ page, request }) => {
  await page.goto(`/w/${workspaceId}/settings`);
  const listed = page.getByRole("listitem", { name: "Playwright script" });
  await listed.getByRole("button", { name: "Revoke Playwright script" }).click();
  await listed.getByRole("button", { name: "Revoke now" }).click();
  await expect(listed).toContainText("Revoked");
  expect((await api(request, "GET", "/workspaces")).status()).toBe(401);
  await page.goto(`/w/${workspaceId}/settings/activity`);
  const events = page.getByRole("list", { name: "Security events" });
  await expect(events).toContainText("Revoked the API token “Playwright script”");
  await expect(events).toContainText("The API token “Playwright script” was used from a new client");
  await expect(events).toContainText("Created the API token “Playwright script”");
});

test("the OpenAPI document is served, and the reference page reads it", async ({ page, request }) => {
  const doc = await request.get(`${E2E_APP_URL}/api/v1/openapi.json`);
  expect(doc.status()).toBe(200);
  const json = await doc.json();
  expect(json.openapi).toBe("3.1.0");
  expect(json.servers[0].url).toBe(`${E2E_APP_URL}/api/v1`);
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Shelf API", level: 1 })).toBeVisible();
  for (const summary of ["Save a bookmark", "List or search bookmarks", "Is this page saved?"]) {
    await expect(page.getByRole("heading", { name: summary, level: 2 })).toBeVisible();
  }
  await expectNoAxeViolations(page, "API reference");
  await screensAtWidths(page, "api-reference");
});
