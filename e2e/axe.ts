import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Switches the system color scheme and lets color transitions finish, so nothing is measured mid-fade. */
export async function setScheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))));
}

/** The whole page, app shell included, in both themes. */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Next streams metadata, so right after a client navigation or a self-refreshing screen's
  // router.refresh() the <title> can still be on its way; axe must see the settled document.
  await expect(page).toHaveTitle(/\S/);
  for (const colorScheme of ["light", "dark"] as const) {
    await setScheme(page, colorScheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Full-page screenshots at phone and desktop widths in both themes, into test-results/screens/, to look at. */
export async function screensAtWidths(page: Page, name: string, widths = [375, 1280]) {
  const size = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await setScheme(page, colorScheme);
      await page.screenshot({ path: `test-results/screens/${name}-${width}-${colorScheme}.png`, fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (size) await page.setViewportSize(size);
}
