import fs from "node:fs";

/**
 * The Chromium Playwright drives: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's
 * own download (undefined lets Playwright find it). Fails early with the way to get one.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  if (hasPlaywrightBrowser()) return undefined;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian: `apt-get install -y chromium`), " +
      "or point CHROME_PATH at a Chrome/Chromium binary, or run `npx playwright install chromium`.",
  );
}

function hasPlaywrightBrowser(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("@playwright/test") as typeof import("@playwright/test");
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
