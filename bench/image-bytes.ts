// `npx tsx bench/image-bytes.ts`: HTML + RSC bytes of the first dashboard page (50 rows, default
// density) on the built app, with no site images and then with an icon and a preview for every
// row, to check icons do not inflate the page (docs/decisions/036). Needs `next build` first.
import "./defaults";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID } from "../notion-sandbox";
import { sessions } from "../db/schema";
import { listMirror } from "../lib/bookmarks/queries";
import { listQuerySchema } from "../lib/bookmarks/schema";
import { linkBookmarkImages, saveImage } from "../lib/link-images/queries";
import { processImage } from "../lib/link-images/process";
import { appReady, spawnApp } from "../e2e/app-server";
import { jpegOf, pngOf } from "../test/images";
import { mirroredWorkspace, openBenchDatabase, startBenchSandbox } from "./setup";

async function pageKB(url: string, cookie: string) {
  const html = await (await fetch(url, { headers: { cookie } })).text();
  const rsc = await (await fetch(url, { headers: { cookie, rsc: "1" } })).text();
  return { htmlKB: +(Buffer.byteLength(html) / 1024).toFixed(1), rscKB: +(Buffer.byteLength(rsc) / 1024).toFixed(1), imgs: (html.match(/<img /g) ?? []).length };
}

async function main() {
  const { sandbox, admin } = await startBenchSandbox();
  const bench = await openBenchDatabase("postgres");
  const port = 3100 + Number(process.env.E2E_PORT_OFFSET ?? 0) + 5;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-image-bytes-"));
  const workspace = await mirroredWorkspace(bench, admin, { person: "ada", workspace: "notebook" }, 50);
  const sessionToken = crypto.randomBytes(32).toString("hex");
  await bench.handle.db.insert(sessions).values({ sessionToken, userId: workspace.userId, expires: new Date(Date.now() + 86_400_000) });
  const app = spawnApp(port, {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: bench.url,
    NOTION_API_BASE: sandbox.url,
    NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
    NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SYNC_MAX_AGE_SECONDS: "86400",
    LOG_LEVEL: "warn",
  });
  app.stdout.resume();
  app.stderr.resume();
  try {
    await appReady(`http://127.0.0.1:${port}`);
    const url = `http://127.0.0.1:${port}/w/${workspace.id}/bookmarks`;
    const cookie = `next-auth.session-token=${sessionToken}`;
    await pageKB(url, cookie);
    const before = await pageKB(url, cookie);
    const { items } = await listMirror(bench.handle.db, workspace.id, listQuerySchema.parse({}));
    const [icon, preview] = await Promise.all([processImage("icon", await pngOf(64)), processImage("preview", await jpegOf(1200, 630))]);
    for (const [i, item] of items.entries()) {
      // One icon per host as in life would share rows; a distinct one per row is the worst case.
      const iconRow = await saveImage(bench.handle.db, "icon", `site-${i}.example`, { image: icon, sourceUrl: `https://site-${i}.example/favicon.ico` });
      const previewRow = await saveImage(bench.handle.db, "preview", item.url, { image: preview, sourceUrl: `https://site-${i}.example/og.jpg` });
      await linkBookmarkImages(bench.handle.db, workspace.id, item.id, { iconId: iconRow.id, previewId: previewRow.id });
    }
    const after = await pageKB(url, cookie);
    console.table([{ name: "no site images", ...before }, { name: "icon + preview on all 50 rows", ...after }]);
  } finally {
    app.kill("SIGTERM");
    await bench.dispose();
    await sandbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
