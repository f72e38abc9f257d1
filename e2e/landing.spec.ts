import AxeBuilder from "@axe-core/playwright";
import { E2E_HEALTH_TOKEN } from "./env";
import { expect, test } from "./fixtures";

for (const colorScheme of ["light", "dark"] as const) {
  test(`the landing page renders in the ${colorScheme} theme without accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bookmarks, kept in Notion.");
    await expect(page.getByRole("button", { name: "Sign in with Notion" })).toBeVisible();
    await expect(page.getByText("Sandbox", { exact: true })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === "dark" ? "rgb(25, 25, 25)" : "rgb(255, 255, 255)");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
    await page.screenshot({ path: `test-results/screens/landing-${colorScheme}.png`, fullPage: true });
  });
}

test("the theme toggle overrides the system setting and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await page.getByRole("button", { name: /System theme/ }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: /Light theme/ }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(25, 25, 25)");
});

test("an unknown page answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("/api/health and /api/health/ready answer 200 once the database is migrated: up or down to anyone, the outbox backlog to the operator", async ({ request }) => {
  for (const path of ["/api/health", "/api/health/ready"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("no-store");
    // Anyone: no counts that add up every person's queued writes.
    expect(await response.json(), path).toEqual({ ok: true });
    const operator = await request.get(path, { headers: { authorization: `Bearer ${E2E_HEALTH_TOKEN}` } });
    expect(await operator.json(), path).toEqual({
      ok: true,
      database: "ok",
      pendingMigrations: [],
      outbox: { pending: expect.any(Number), parked: expect.any(Number) },
      reasons: [],
    });
  }
});

test("/api/health/live answers 200 without asking anything of the database", async ({ request }) => {
  const response = await request.get("/api/health/live");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});
