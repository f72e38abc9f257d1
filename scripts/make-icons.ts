// Makes public/'s icons from app/icon.svg with sharp: `npx tsx scripts/make-icons.ts`. The PNGs and
// favicon.ico are committed; run this again after changing the SVG.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { APPLE_TOUCH_ICON, BRAND_BACKGROUND, FAVICON_SIZES, MANIFEST_ICONS, type AppIcon } from "@/lib/app-icons";

const root = process.cwd();
const svg = fs.readFileSync(path.join(root, "app", "icon.svg"));
const out = (file: string) => path.join(root, "public", file);

/** The SVG at `size`, as drawn (rounded, transparent corners). */
const plain = (size: number) => sharp(svg, { density: 72 * (size / 64) * 2 }).resize(size, size).png().toBuffer();

/** The SVG scaled to `share` of a full square of the icon's own background colour. */
async function onSquare(size: number, share: number): Promise<Buffer> {
  const inner = Math.round(size * share);
  return sharp({ create: { width: size, height: size, channels: 4, background: BRAND_BACKGROUND } })
    .composite([{ input: await plain(inner), gravity: "centre" }])
    .flatten({ background: BRAND_BACKGROUND })
    .png()
    .toBuffer();
}

function render(icon: AppIcon): Promise<Buffer> {
  if (icon === APPLE_TOUCH_ICON) return onSquare(icon.size, 1);
  return icon.purpose === "maskable" ? onSquare(icon.size, 0.8) : plain(icon.size);
}

/** An .ico holding PNG images (Windows Vista and every browser read PNG entries). */
function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  fs.mkdirSync(path.join(root, "public"), { recursive: true });
  for (const icon of [...MANIFEST_ICONS, APPLE_TOUCH_ICON]) fs.writeFileSync(out(icon.file), await render(icon));
  const favicons = await Promise.all(FAVICON_SIZES.map(async (size) => ({ size, png: await plain(size) })));
  fs.writeFileSync(out("favicon.ico"), ico(favicons));
  console.log(`wrote ${MANIFEST_ICONS.length + 2} icons to public/`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
