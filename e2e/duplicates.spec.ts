import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { expect, signIn, test } from "./fixtures";
import { notionRow } from "./notion";

// Mary again (e2e/capture.spec.ts ran first and left two bookmarks in Wind Tunnel); the links here
// are of their own site, so those do not count as duplicates.

const inNotion = (title: string) => notionRow("mary", "tunnel", title);

const newForm = (page: Page) => page.getByRole("form", { name: "New bookmark" });

async function fill(page: Page, fields: { url: string; title: string; tag: string }) {
  const form = newForm(page);
  await form.getByLabel("URL").fill(fields.url);
  await form.getByLabel("Title").fill(fields.title);
  await form.getByLabel("Tags").fill(fields.tag);
  await form.getByLabel("Tags").press("Enter");
  await form.getByRole("button", { name: "Add bookmark" }).click();
}

test("a link saved before answers Already saved; save anyway; merge in the Duplicates view reaches Notion", async ({ page }) => {
  const workspaceId = await signIn(page, "mary", "tunnel");
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  const form = newForm(page);

  await fill(page, { url: "https://flight.example/wing?utm_source=newsletter", title: "Wing design", tag: "aero" });
  await expect(form.getByLabel("URL")).toHaveValue("");
  await expect(page.getByRole("link", { name: /duplicate/ })).toHaveCount(0);

  // Another spelling of the same link: host case, default port, trailing slash.
  await fill(page, { url: "HTTPS://Flight.Example:443/wing/", title: "Wings again", tag: "reading" });
  const notice = form.getByTestId("already-saved");
  await expect(notice).toContainText("Already saved as “Wing design”");
  await expect(form.getByLabel("URL")).toHaveValue("HTTPS://Flight.Example:443/wing/");
  await expect(form.getByLabel("Title")).toHaveValue("Wings again");

  // "Edit it" opens the saved one's edit dialog; what was typed stays in the form.
  await notice.getByRole("link", { name: "Edit it" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit bookmark" });
  await expect(dialog.getByLabel("Title")).toHaveValue("Wing design");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/edit=/);
  await expect(form.getByLabel("Title")).toHaveValue("Wings again");

  await notice.getByRole("button", { name: "Save anyway" }).click();
  await expect(form.getByLabel("URL")).toHaveValue("");
  await expect(page.locator("li[data-bookmark-id]").filter({ hasText: "Wings again" })).toBeVisible();

  await page.getByRole("link", { name: "1 duplicate" }).click();
  await page.waitForURL(`**/w/${workspaceId}/duplicates`);
  const group = page.getByTestId("duplicate-group");
  await expect(group).toHaveCount(1);
  // Oldest first and chosen by default (Notion keeps creation times to the minute, so two saved in
  // the same minute may come in either order).
  const radios = group.getByRole("radio");
  await expect(radios.first()).toBeChecked();
  await expect(radios.first()).toHaveAccessibleName(/\(oldest\)$/);
  await expectNoAxeViolations(page, "duplicates");

  // Keep the other one: the choice is the person's.
  const label = await radios.nth(1).evaluate((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? "");
  const kept = /“(.+)”/.exec(label)![1]!;
  const trashed = kept === "Wings again" ? "Wing design" : "Wings again";
  const tags = { "Wing design": "aero", "Wings again": "reading" } as const;
  await radios.nth(1).check();
  await group.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText(`Merged into “${kept}”`)).toBeVisible();
  await expect(page.getByTestId("no-duplicates")).toBeVisible();
  await expectNoAxeViolations(page, "no duplicates");

  await expect
    .poll(() => inNotion(kept), { timeout: 20_000 })
    .toMatchObject({ name: kept, tags: [tags[kept as keyof typeof tags], tags[trashed]], inTrash: false });
  await expect.poll(() => inNotion(trashed), { timeout: 20_000 }).toMatchObject({ inTrash: true });

  await page.goto(`/w/${workspaceId}/bookmarks`);
  await expect(page.getByRole("link", { name: /duplicate/ })).toHaveCount(0);
});
