import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Switches the system color scheme and lets color transitions finish, so nothing is measured mid-fade. */
export async function setScheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))));
}

/** The whole page, app shell included, in both themes. */
export async function expectNoAxeViolations(page: Page, label: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await setScheme(page, colorScheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
