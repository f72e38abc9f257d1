// npm run extension:build — bundles the extension for Chrome/Edge and Firefox into
// extension/dist/<browser>/ (load it unpacked from there) and zips each as
// extension/dist/shelf-<browser>.zip for the stores.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";
import { zipSync } from "fflate";
import { DEV_PUBLIC_KEY, manifest, type Browser } from "./manifest";

const ROOT = __dirname;
const DIST = path.join(ROOT, "dist");
const VERSION = "1.0.0";
const BROWSERS: Browser[] = ["chrome", "firefox"];

/** The id Chrome gives the unpacked extension with DEV_PUBLIC_KEY: the key's SHA-256, as letters a–p. */
export function devExtensionId(): string {
  const hash = crypto.createHash("sha256").update(Buffer.from(DEV_PUBLIC_KEY, "base64")).digest("hex").slice(0, 32);
  return [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

// zlib.crc32 is newer than the Node the project supports (>=20.9).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A square PNG icon in Shelf's colours: a dark tile with a light shelf bar. No image tooling needed. */
function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const bar = y > size * 0.58 && y < size * 0.72 && x > size * 0.2 && x < size * 0.8;
      const book = y > size * 0.25 && y <= size * 0.58 && ((x > size * 0.28 && x < size * 0.4) || (x > size * 0.46 && x < size * 0.56));
      const [r, g, b] = bar || book ? [247, 246, 243] : [47, 52, 55];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

function files(dir: string, prefix = ""): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, files(full, `${prefix}${entry.name}/`));
    else out[`${prefix}${entry.name}`] = fs.readFileSync(full);
  }
  return out;
}

async function main() {
  fs.rmSync(DIST, { recursive: true, force: true });
  for (const browser of BROWSERS) {
    const out = path.join(DIST, browser);
    await build({
      entryPoints: ["background", "popup", "options"].map((name) => path.join(ROOT, "src", `${name}.ts`)),
      outdir: out,
      bundle: true,
      format: "esm",
      target: browser === "chrome" ? "chrome120" : "firefox128",
      logLevel: "warning",
    });
    fs.cpSync(path.join(ROOT, "static"), out, { recursive: true });
    for (const size of [16, 48, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
    fs.writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest(browser, VERSION), null, 2)}\n`);
    fs.writeFileSync(path.join(DIST, `shelf-${browser}.zip`), zipSync(files(out)));
    console.log(`extension/dist/shelf-${browser}.zip`);
  }
  console.log(`unpacked Chrome id with the development key: ${devExtensionId()}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
