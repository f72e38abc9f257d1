import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import manifest from "@/app/manifest";
import { APPLE_TOUCH_ICON, FAVICON_SIZES } from "./app-icons";

const publicFile = (src: string) => path.join(process.cwd(), "public", src.replace(/^\//, ""));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes the PNG (sharp fails on a broken one) and answers its real size. */
async function pngSize(bytes: Buffer): Promise<string> {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature").toBe(true);
  const { info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  return `${info.width}x${info.height}`;
}

describe("the app's icons", () => {
  const icons = manifest().icons ?? [];

  it("lists 192 and 512 PNGs for any purpose and maskable ones in the manifest", () => {
    const png = icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "192x192 maskable", "512x512 any", "512x512 maskable"]);
  });

  it("serves every manifest PNG from public/ as a valid PNG of the stated size", async () => {
    for (const icon of icons.filter((i) => i.type === "image/png")) {
      expect(await pngSize(fs.readFileSync(publicFile(icon.src))), icon.src).toBe(icon.sizes);
    }
  });

  it("makes maskable and apple-touch icons opaque to the edge (a mask or iOS's rounding shows no hole)", async () => {
    for (const file of [...icons.filter((i) => i.purpose === "maskable").map((i) => i.src), APPLE_TOUCH_ICON.file]) {
      const { data } = await sharp(fs.readFileSync(publicFile(file))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[3], `${file}: alpha of the top-left pixel`).toBe(255);
    }
    const apple = APPLE_TOUCH_ICON.size;
    expect(await pngSize(fs.readFileSync(publicFile(APPLE_TOUCH_ICON.file)))).toBe(`${apple}x${apple}`);
  });

  it("has a favicon.ico whose images are valid PNGs of the sizes its directory states", async () => {
    const ico = fs.readFileSync(publicFile("favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const stated = ico.readUInt8(entry) || 256;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(await pngSize(image)).toBe(`${stated}x${stated}`);
      sizes.push(stated);
    }
    expect(sizes).toEqual(FAVICON_SIZES);
  });
});
