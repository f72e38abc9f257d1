/**
 * The best picture inside a .ico file, in a form sharp reads (it reads no ICO itself). A .ico is
 * a directory of images, each a PNG file or a headerless BMP (a DIB). PNG entries are handed over
 * as they are; 32-bit uncompressed DIBs (what every icon editor writes since Windows XP) become
 * raw RGBA. Older entries (palettes, 24-bit with an AND mask) are skipped: a site whose only icon
 * is one of those shows the letter square. docs/decisions/036-site-images-with-sharp-in-postgres.md
 */
export type IcoImage = { png: Buffer } | { raw: Buffer; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isIco = (bytes: Buffer) => bytes.length >= 6 && bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1 && bytes.readUInt16LE(4) > 0;

type Entry = { width: number; bytes: Buffer };

function entries(ico: Buffer): Entry[] {
  const count = ico.readUInt16LE(4);
  const found: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    if (at + 16 > ico.length) break;
    const size = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    // An entry pointing outside the file is a broken (or hostile) one; the others may still be good.
    if (size === 0 || offset + size > ico.length) continue;
    found.push({ width: ico[at] || 256, bytes: ico.subarray(offset, offset + size) });
  }
  return found;
}

/** A 32-bit BI_RGB DIB (bottom-up rows of BGRA, then an AND mask) as top-down RGBA; null for any other kind. */
function dibToRgba(dib: Buffer): IcoImage | null {
  if (dib.length < 40 || dib.readUInt32LE(0) < 40) return null;
  const width = dib.readInt32LE(4);
  // The height counts the colour rows and the mask rows together.
  const height = dib.readInt32LE(8) / 2;
  const bitCount = dib.readUInt16LE(14);
  const compression = dib.readUInt32LE(16);
  if (bitCount !== 32 || compression !== 0 || width <= 0 || width > 256 || height <= 0 || height > 256 || !Number.isInteger(height)) return null;
  const start = dib.readUInt32LE(0);
  const stride = width * 4;
  if (start + stride * height > dib.length) return null;
  const raw = Buffer.alloc(stride * height);
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const from = start + (height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const s = from + x * 4;
      const d = y * stride + x * 4;
      raw[d] = dib[s + 2]!;
      raw[d + 1] = dib[s + 1]!;
      raw[d + 2] = dib[s]!;
      raw[d + 3] = dib[s + 3]!;
      if (dib[s + 3]) anyAlpha = true;
    }
  }
  // Some writers leave alpha at zero and rely on the AND mask: the icon is then opaque, not invisible.
  if (!anyAlpha) for (let i = 3; i < raw.length; i += 4) raw[i] = 255;
  return { raw, width, height };
}

/** The largest entry Shelf can read, or null when there is none. */
export function bestIcoImage(ico: Buffer): IcoImage | null {
  if (!isIco(ico)) return null;
  const sorted = entries(ico).sort((a, b) => b.width - a.width);
  for (const entry of sorted) {
    if (entry.bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { png: entry.bytes };
    const rgba = dibToRgba(entry.bytes);
    if (rgba) return rgba;
  }
  return null;
}
