import sharp from "sharp";
import { bestIcoImage, isIco } from "./ico";

/**
 * Turns bytes a site sent into a small image Shelf serves itself. The type is judged from the
 * bytes, never from the Content-Type header; only PNG, JPEG, GIF, WebP and ICO are read, and
 * everything is decoded and re-encoded by sharp (libvips), so what Shelf serves is always an image
 * it drew, with no metadata, no script, no polyglot tail. SVG is refused: it is a document (scripts,
 * external references, entity expansion), and the sites that have one also have a bitmap icon.
 * docs/decisions/036-site-images-with-sharp-in-postgres.md
 */
export type ImageKind = "icon" | "preview";

export const LIMITS = {
  icon: { maxBytes: 64 * 1024, size: 64 },
  preview: { maxBytes: 1024 * 1024, width: 600 },
} as const;

/** Decoded pixels at most: a tiny PNG can claim 60,000 × 60,000 (a decompression bomb). */
const MAX_INPUT_PIXELS = 4096 * 4096;

export type Sniffed = "png" | "jpeg" | "gif" | "webp" | "ico" | "svg" | "unknown";

export function sniff(bytes: Buffer): Sniffed {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString("latin1");
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (isIco(bytes)) return "ico";
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(ascii(0, 1024))) return "svg";
  return "unknown";
}

export type Processed = { bytes: Buffer; contentType: "image/webp"; width: number; height: number };

export class ImageRefused extends Error {
  constructor(readonly reason: "too-large" | "wrong-type" | "undecodable") {
    super(reason);
    this.name = "ImageRefused";
  }
}

function input(bytes: Buffer, type: Sniffed): ReturnType<typeof sharp> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const, animated: false };
  if (type !== "ico") return sharp(bytes, options);
  const best = bestIcoImage(bytes);
  if (!best) throw new ImageRefused("undecodable");
  if ("png" in best) return sharp(best.png, options);
  return sharp(best.raw, { ...options, raw: { width: best.width, height: best.height, channels: 4 } });
}

/**
 * The icon (at most 64 × 64, shown with object-fit: contain) or preview (at most 600 px wide) as
 * WebP. Throws ImageRefused when the bytes are too many, not a bitmap Shelf reads, or broken.
 */
export async function processImage(kind: ImageKind, bytes: Buffer): Promise<Processed> {
  if (bytes.length > LIMITS[kind].maxBytes) throw new ImageRefused("too-large");
  const type = sniff(bytes);
  if (type === "svg" || type === "unknown") throw new ImageRefused("wrong-type");
  if (kind === "preview" && type === "ico") throw new ImageRefused("wrong-type");
  try {
    const image = input(bytes, type);
    const resized =
      kind === "icon"
        ? image.resize(LIMITS.icon.size, LIMITS.icon.size, { fit: "inside", withoutEnlargement: true })
        : image.resize({ width: LIMITS.preview.width, height: LIMITS.preview.width, fit: "inside", withoutEnlargement: true });
    const { data, info } = await resized.webp({ quality: kind === "icon" ? 90 : 75 }).toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: "image/webp", width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof ImageRefused) throw error;
    throw new ImageRefused("undecodable");
  }
}
